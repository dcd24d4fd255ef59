// The first reply's one-time rendering costs paid in idle time (src/webview/markdown.ts): grammars compiled before any
// fence needs them highlight exactly as grammars compiled on first use, and a fence seen while it streams (not
// highlighted yet) has its language compiled in idle time before the piece that highlights it. Each case runs in a
// fresh page: the compiled grammars are the page's.
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { bundleProbe, launchChromium, openProbePage } from './probePage';

const PROBE = `
import hljs from 'highlight.js/lib/core';
import { renderMarkdown, warmUpRendering } from './src/webview/markdown';
const compiled = () => hljs.listLanguages().filter((name) => (hljs.getLanguage(name) as any).isCompiled);
const until = (done: () => boolean) =>
  new Promise<void>((resolve) => (function check() { if (done()) resolve(); else setTimeout(check, 10); })());
(window as any).probe = {
  compiled,
  render: (sources: string[]) => sources.map((source) => { const out = document.createElement('div'); out.append(renderMarkdown(source)); return out.innerHTML; }),
  warmUp: async () => { warmUpRendering(); await until(() => compiled().length === hljs.listLanguages().length); },
  streamFence: async (language: string) => { renderMarkdown('\`\`\`' + language + '\\nlet a = 1', { highlight: false }); await until(() => compiled().length > 0); },
};
`;

/** One fence per language the webview highlights, with code that uses its grammar. */
const FENCES: [string, string][] = [
  ['bash', 'for f in *.ts; do echo "$f" | grep -v test; done'],
  ['cpp', '#include <vector>\nint main() { std::vector<int> v{1, 2}; return v[0]; }'],
  ['csharp', 'public class A { public async Task<int> Run() => await Task.FromResult(1); }'],
  ['diff', '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new'],
  ['go', 'func main() { ch := make(chan int); go func() { ch <- 1 }(); fmt.Println(<-ch) }'],
  ['java', '@Override public String toString() { return String.format("%d", 42); }'],
  ['javascript', 'const f = async (x) => { await g(`t ${x}`); return /re+/g.test(x); };'],
  ['json', '{ "a": [1, 2.5, true, null], "b": { "c": "d" } }'],
  ['markdown', '# Title\n\n- **bold** and `code`'],
  ['python', '@dataclass\nclass A:\n    def run(self) -> int:\n        return f"{self!r}"'],
  ['rust', 'fn main() { let v: Vec<u8> = vec![1]; println!("{:?}", v); }'],
  ['typescript', 'export function handle(items: readonly Item[]): Result[] { return items.map((i) => ({ key: i.id })); }'],
  ['xml', '<root attr="1"><!-- c --><child/></root>'],
  ['yaml', 'key: value\nlist:\n  - 1\n  - "two"'],
];

interface ProbeApi {
  compiled(): string[];
  render(sources: string[]): string[];
  warmUp(): Promise<void>;
  streamFence(language: string): Promise<void>;
}

describe('rendering warmed up in idle time (Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let probe: string;
  const sources = FENCES.map(([language, code]) => `Some **text**.\n\n\`\`\`${language}\n${code}\n\`\`\`\n`);

  before(async () => {
    probe = await bundleProbe(PROBE);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  async function freshPage(): Promise<Page> {
    return openProbePage(browser, probe, { body: '', styles: [] });
  }
  function call<K extends keyof ProbeApi>(page: Page, name: K, arg?: unknown): Promise<Awaited<ReturnType<ProbeApi[K]>>> {
    return page.evaluate(([n, a]) => (globalThis as unknown as { probe: Record<string, (x: unknown) => unknown> }).probe[n as string](a), [
      name,
      arg,
    ] as const) as Promise<Awaited<ReturnType<ProbeApi[K]>>>;
  }

  it('highlights every language exactly as grammars compiled on first use do', async () => {
    const cold = await freshPage();
    assert.deepEqual(await call(cold, 'compiled'), [], 'a fresh page has compiled no grammar');
    const onFirstUse = await call(cold, 'render', sources);
    const warm = await freshPage();
    await call(warm, 'warmUp');
    assert.equal((await call(warm, 'compiled')).length, FENCES.length, 'every grammar compiled before any fence');
    const afterWarmUp = await call(warm, 'render', sources);
    for (let i = 0; i < FENCES.length; i++) {
      assert.match(onFirstUse[i], /class="hljs-/, `${FENCES[i][0]} is highlighted`);
      assert.equal(afterWarmUp[i], onFirstUse[i], `${FENCES[i][0]}: the same HTML`);
    }
  });

  it('compiles the language of a fence seen while it streams, and only that one, in idle time', async () => {
    const page = await freshPage();
    await call(page, 'streamFence', 'rust');
    assert.deepEqual(await call(page, 'compiled'), ['rust']);
  });
});
