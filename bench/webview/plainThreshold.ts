// Benchmark 11: does any shape of markdown make drawing a reply block the page? One block of each shape (no blank
// line in it), at sizes around the old 16,000-character threshold, drawn exactly as the chat draws a saved reply
// (src/webview/markdownView.ts: cut into pieces at line boundaries that keep tables and code blocks whole, drawn a
// frame's budget at a time through the render queue; one line past PLAIN_ABOVE_CHARS as plain text) in the same
// Chromium as benchmark 4. Each task (the first, then every animation frame) is timed with its layout forced; the
// verdict asks that the longest task for any shape at 16,000 characters stays under a long task (50 ms). Beside
// it, the same block drawn in one go (one markdown-it render), as the chat drew it before.
import { goal } from '../goals';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { ms, summarize, table } from '../stats';
import { PIECE_CHARS, PLAIN_ABOVE_CHARS } from '../../src/webview/stableBlocks';
import { markdownReply } from './markdownReply';
import { launchChromium } from './webviewBench';

const ROOT = path.resolve(__dirname, '..', '..');
const AT = 16_000;
const SIZES = [4_000, 8_000, AT, 32_000];
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

// Runs in the page. `draw`: one block drawn as the chat draws a saved reply, every task timed (animation frames
// through a wrapped requestAnimationFrame, each with its layout forced); resolves once nothing changed for a few
// frames, with the longest task, the total and the text shown. `drawAtOnce`: the same block in one render.
const PROBE = `
import { MarkdownView } from './src/webview/markdownView';
import { renderMarkdown } from './src/webview/markdown';
import { decorateCodeBlocks } from './src/webview/codeBlocks';
const out = document.getElementById('out')!;
let longest = 0;
const nativeFrame = window.requestAnimationFrame.bind(window);
function timed(run: () => void): void {
  const t0 = performance.now();
  run();
  void out.offsetHeight;
  longest = Math.max(longest, performance.now() - t0);
}
window.requestAnimationFrame = (callback) => nativeFrame((t) => timed(() => callback(t)));
(window as any).draw = (source: string) =>
  new Promise((resolve) => {
    out.replaceChildren();
    longest = 0;
    const body = document.createElement('div');
    body.className = 'markdown';
    out.append(body);
    let changes = 0;
    new MutationObserver(() => changes++).observe(body, { childList: true, subtree: true, characterData: true });
    const t0 = performance.now();
    const first = performance.now();
    new MarkdownView(body).setFinal(source);
    // The queue's first run is a microtask of this task: timed with it.
    queueMicrotask(() => {
      void out.offsetHeight;
      longest = Math.max(longest, performance.now() - first);
    });
    let quiet = 0;
    let seen = -1;
    (function poll() {
      if (changes === seen) quiet++;
      else quiet = 0;
      seen = changes;
      if (quiet >= 5) resolve({ longest, total: performance.now() - t0, shown: body.textContent.length });
      else nativeFrame(poll);
    })();
  });
(window as any).drawAtOnce = (source: string) => {
  out.replaceChildren();
  const t0 = performance.now();
  const content = renderMarkdown(source);
  decorateCodeBlocks(content, { streaming: false });
  out.append(content);
  void out.offsetHeight;
  return performance.now() - t0;
};
`;

interface Drawn {
  longest: number;
  total: number;
  shown: number;
}

interface Cell {
  longest: number;
  total: number;
  atOnce: number;
}

async function measure(browser: Browser): Promise<Map<string, Map<number, Cell>>> {
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
    const draw = async (source: string): Promise<Drawn> => {
      const drawn = await page.evaluate((s) => (globalThis as unknown as { draw(s: string): Promise<Drawn> }).draw(s), source);
      // Every character must be on screen (as markdown or plain text), or the timing measures nothing.
      if (drawn.shown < source.replace(/[\s*_`|#>[\]()!~-]/g, '').length * 0.3) throw new Error(`only ${drawn.shown} characters shown`);
      return drawn;
    };
    const atOnce = (source: string) =>
      page.evaluate((s) => (globalThis as unknown as { drawAtOnce(s: string): number }).drawAtOnce(s), source);
    for (const make of Object.values(SHAPES)) {
      await draw(make(4_000)); // warm-up: every code path compiled
      await atOnce(make(4_000));
    }
    const cells = new Map<string, Map<number, { longest: number[]; total: number[]; atOnce: number[] }>>();
    // Round-robin, so a busy moment of the machine falls on every shape alike.
    for (let run = 0; run < RUNS; run++) {
      for (const [name, make] of Object.entries(SHAPES)) {
        for (const size of SIZES) {
          const bySize = cells.get(name) ?? new Map<number, { longest: number[]; total: number[]; atOnce: number[] }>();
          cells.set(name, bySize);
          const cell = bySize.get(size) ?? { longest: [], total: [], atOnce: [] };
          bySize.set(size, cell);
          const drawn = await draw(make(size));
          cell.longest.push(drawn.longest);
          cell.total.push(drawn.total);
          cell.atOnce.push(await atOnce(make(size)));
        }
      }
    }
    return new Map(
      [...cells].map(([name, bySize]) => [
        name,
        new Map(
          [...bySize].map(([size, c]) => [
            size,
            { longest: summarize(c.longest).median, total: summarize(c.total).median, atOnce: summarize(c.atOnce).median },
          ]),
        ),
      ]),
    );
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
    const rows = [...medians].map(([name, bySize]) => [
      name,
      ...SIZES.map((size) => {
        const c = bySize.get(size)!;
        return `${ms(c.longest)} (${ms(c.total)}; ${ms(c.atOnce)})`;
      }),
    ]);
    const atThreshold = [...medians].map(([name, bySize]) => ({ name, t: bySize.get(AT)!.longest }));
    const worst = atThreshold.reduce((a, b) => (b.t > a.t ? b : a));
    const measured = `${ms(worst.t)} (${worst.name})`;
    return [
      '### 11. Where markdown stops: the plain-text threshold',
      `One block of each shape (no blank line in it) drawn as the chat draws a saved reply: cut into pieces of about ${PIECE_CHARS.toLocaleString('en-US')} characters at line boundaries that keep a table or code block whole, drawn a frame's budget at a time through the render queue (markdown-it, DOMPurify, highlight.js, inserted and laid out); one line past ${PLAIN_ABOVE_CHARS.toLocaleString('en-US')} characters (\`PLAIN_ABOVE_CHARS\`) is plain text. Headless Chromium ${browser.version()}; median of ${RUNS} interleaved runs per cell. Each cell: the longest task (every task timed with its layout forced), then in brackets the time until all of it is on screen and, for comparison, the same block drawn in one go as before.`,
      table(['block', ...SIZES.map((s) => `${s.toLocaleString('en-US')} chars`)], rows),
      table(
        ['goal', 'measured', 'verdict'],
        [
          [
            `the worst shape at ${AT.toLocaleString('en-US')} characters: longest task ≤ ${GOAL_TASK_MS} ms`,
            measured,
            goal(
              '11. plain-text threshold',
              `worst shape at ${AT.toLocaleString('en-US')} chars ≤ ${GOAL_TASK_MS} ms`,
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
