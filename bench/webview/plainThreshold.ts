// Benchmark 11: is PLAIN_ABOVE_CHARS (src/webview/stableBlocks.ts: past it one block is shown as plain text, not
// markdown) where it should be? One block of each shape, at sizes around the threshold, drawn exactly as a
// finished block is drawn (markdown-it, DOMPurify, highlight.js, then inserted into the page and laid out) in
// the same Chromium as benchmark 4. Ordinary markdown of the same size (benchmark 4's reply) is the reference
// measured beside each shape; the verdict asks that no shape at the threshold takes a long task (50 ms).
import { goal } from '../goals';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { PLAIN_ABOVE_CHARS } from '../../src/webview/stableBlocks';
import { ms, summarize, table } from '../stats';
import { markdownReply } from './markdownReply';
import { launchChromium } from './webviewBench';

const ROOT = path.resolve(__dirname, '..', '..');
const SIZES = [4_000, 8_000, PLAIN_ABOVE_CHARS, 32_000];
const RUNS = 5;
const GOAL_TASK_MS = 50;

/** Markdown that makes parsers work hardest per character, each cut to `size`. */
const SHAPES: Record<string, (size: number) => string> = {
  'ordinary reply (reference)': (n) => markdownReply(n),
  'deep nesting: > and - 1,000 levels': (n) => fill(n, (i) => `${'> '.repeat(i % 1000)}- item ${i}\n`),
  'emphasis markers: *_**_ unclosed': (n) => fill(n, () => '*a _b **c __d '),
  'emphasis pairs: *a* **b** _c_': (n) => fill(n, () => '*a* **b** _c_ `d` '),
  'brackets and links: [a](b [c]( ![': (n) => fill(n, (i) => `[a${i}](https://e.x/${i} "t") [b]( ![c](d `),
  'long table: 8 columns': (n) =>
    `| a | b | c | d | e | f | g | h |\n|---|---|---|---|---|---|---|---|\n${fill(n, (i) => `| ${i} | *x* | \`y\` | z | ${i} | w | v | u |\n`)}`,
  'one line of backticks: ` `` ```': (n) => fill(n, () => '` `` ``` x '),
  'HTML-like: <a <b <c': (n) => fill(n, () => '<a href="x"> <b onclick=1> &amp; &#x27; '),
  'fenced TypeScript code': (n) =>
    `\`\`\`ts\n${fill(n, (i) => `const v${i} = { a: "s", b: [1, 2, 3], c: (x: number) => x * 2 }; // c\n`)}\`\`\`\n`,
};

function fill(size: number, piece: (i: number) => string): string {
  let text = '';
  for (let i = 0; text.length < size; i++) text += piece(i);
  return text.slice(0, size);
}

// Runs in the page: one block drawn as MarkdownView draws a finished one, the layout forced, the time taken.
const PROBE = `
import { renderMarkdown } from './src/webview/markdown';
import { decorateCodeBlocks } from './src/webview/codeBlocks';
(window as any).draw = (source: string) => {
  const out = document.getElementById('out')!;
  out.replaceChildren();
  const t0 = performance.now();
  const template = document.createElement('template');
  template.innerHTML = renderMarkdown(source);
  decorateCodeBlocks(template.content, { streaming: false });
  out.append(template.content);
  void out.offsetHeight;
  return performance.now() - t0;
};
`;

async function measure(browser: Browser): Promise<Map<string, Map<number, number>>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aihub-bench-threshold-'));
  const page = await (await browser.newContext({ viewport: { width: 900, height: 900 } })).newPage();
  try {
    await esbuild.build({
      stdin: { contents: PROBE, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      minify: true,
      outfile: path.join(dir, 'probe.js'),
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      logLevel: 'silent',
    });
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      '<!DOCTYPE html><html><body><div id="out"></div><script src="probe.js"></script></body></html>',
    );
    await page.goto(`file://${path.join(dir, 'index.html')}`);
    const draw = (source: string) => page.evaluate((s) => (globalThis as unknown as { draw(s: string): number }).draw(s), source);
    for (const make of Object.values(SHAPES)) await draw(make(4_000)); // warm-up: every code path compiled
    const times = new Map<string, Map<number, number[]>>();
    // Round-robin, so a busy moment of the machine falls on every shape alike.
    for (let run = 0; run < RUNS; run++) {
      for (const [name, make] of Object.entries(SHAPES)) {
        for (const size of SIZES) {
          const bySize = times.get(name) ?? new Map<number, number[]>();
          times.set(name, bySize);
          bySize.set(size, [...(bySize.get(size) ?? []), await draw(make(size))]);
        }
      }
    }
    return new Map([...times].map(([name, bySize]) => [name, new Map([...bySize].map(([size, t]) => [size, summarize(t).median]))]));
  } finally {
    await page.context().close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function runPlainThresholdBench(): Promise<string> {
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    process.stderr.write(`  ${Object.keys(SHAPES).length} shapes × ${SIZES.length} sizes × ${RUNS} runs…\n`);
    const medians = await measure(browser);
    const reference = medians.get('ordinary reply (reference)')!;
    const rows = [...medians].map(([name, bySize]) => [
      name,
      ...SIZES.map((size) => `${ms(bySize.get(size)!)} (${(bySize.get(size)! / reference.get(size)!).toFixed(1)}×)`),
    ]);
    const atThreshold = [...medians].map(([name, bySize]) => ({ name, t: bySize.get(PLAIN_ABOVE_CHARS)! }));
    const worst = atThreshold.reduce((a, b) => (b.t > a.t ? b : a));
    const measured = `${ms(worst.t)} (${worst.name}, ${(worst.t / reference.get(PLAIN_ABOVE_CHARS)!).toFixed(1)}× ordinary)`;
    return [
      '### 11. Where markdown stops: the plain-text threshold',
      `One block drawn as a finished reply's block is drawn (markdown-it, DOMPurify, highlight.js, inserted and laid out), in headless Chromium ${browser.version()}; median of ${RUNS} interleaved runs per cell, and in brackets the ratio to ordinary markdown of the same size measured in the same run. The chat shows a block past ${PLAIN_ABOVE_CHARS.toLocaleString('en-US')} characters (\`PLAIN_ABOVE_CHARS\`) as plain text.`,
      table(['block', ...SIZES.map((s) => `${s.toLocaleString('en-US')} chars`)], rows),
      table(
        ['goal', 'measured', 'verdict'],
        [
          [
            `the worst shape at ${PLAIN_ABOVE_CHARS.toLocaleString('en-US')} characters ≤ ${GOAL_TASK_MS} ms`,
            measured,
            goal(
              '11. plain-text threshold',
              `worst shape at ${PLAIN_ABOVE_CHARS.toLocaleString('en-US')} chars ≤ ${GOAL_TASK_MS} ms`,
              measured,
              worst.t <= GOAL_TASK_MS,
            ),
          ],
        ],
      ),
    ].join('\n\n');
  } finally {
    await browser?.close();
  }
}
