// Benchmark 4: the chat webview's renderer in a real browser (Debian's Chromium through playwright-core).
// The webview bundle is built from src/webview/ into a throwaway folder and loaded in a harness page that
// stands in for VS Code: `acquireVsCodeApi` is a stub and the host's messages arrive as the page's `message`
// event, one task each from a Worker (webviewHarness.ts), as VS Code delivers them. A markdown reply streams in
// as `delta` messages at 2,000 a second, then `turnFinished`; Chromium's own counters give the scripting time, the Long Tasks API the
// tasks over 50 ms.
import { goal } from '../goals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { buildWebviewHarness, feed, launchChromium, loadFeeder } from '../webviewHarness';
import { ms, msSpread, summarize, table } from '../stats';
import { PLAIN_ABOVE_CHARS } from '../../src/webview/stableBlocks';
import { chunksOf, markdownReply } from './markdownReply';

const CHUNKS_PER_SECOND = 2_000;
const SIZES: [label: string, bytes: number, runs: number][] = [
  ['20 KB', 20 * 1024, 3],
  ['200 KB', 200 * 1024, 2],
  ['1 MB', 1024 * 1024, 2],
];
const GOAL_TASK_MS = 50;
const GOAL_RATIO = 5.5;

const HARNESS = `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><link rel="stylesheet" href="main.css"><title>bench</title>
<script>
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  let state;
  window.acquireVsCodeApi = () => ({ postMessage() {}, getState: () => state, setState: (s) => { state = s; } });
</script></head>
<body data-surface="editor"><div id="app" class="app"></div><script src="main.js"></script></body></html>`;

export async function buildHarness(): Promise<string> {
  return (await buildWebviewHarness('main', 'main.ts', HARNESS)).dir;
}

interface RunResult {
  streamScriptMs: number;
  finishScriptMs: number;
  longestStreamTask: number;
  longestFinishTask: number;
  wallSeconds: number;
}

/** What the page functions below use of the browser's globals (the bench compiles without the DOM library). */
export interface PageGlobals {
  postMessage(message: unknown, targetOrigin: string): void;
  /** [startTime, duration] of every task over 50 ms. */
  __longTasks: [number, number][];
}

export { launchChromium };

async function scriptDuration(session: CDPSession): Promise<number> {
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

async function runOnce(browser: Browser, dir: string, text: string, marker = 'handle0'): Promise<RunResult> {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  try {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable');
    await page.goto(`file://${path.join(dir, 'index.html')}`);
    await page.locator('#app *').first().waitFor();
    const chunks = chunksOf(text);
    await page.evaluate(() => {
      const turns = [{ id: 'u1', role: 'user', text: 'Walk me through it.', createdAt: 0 }];
      (globalThis as unknown as PageGlobals).postMessage(
        {
          type: 'state',
          conversation: { version: 1, id: 'bench', title: 'Bench', model: 'bench-model', createdAt: 0, updatedAt: 0, turns },
          busy: true,
          hasKey: true,
          hub: 'local',
          recent: [],
        },
        '*',
      );
      (globalThis as unknown as PageGlobals).postMessage(
        {
          type: 'turnAdded',
          conversationId: 'bench',
          turn: { id: 'a1', role: 'assistant', model: 'bench-model', text: '', status: 'streaming', createdAt: 0 },
          title: 'Bench',
        },
        '*',
      );
    });
    await loadFeeder(
      page,
      chunks.map((text) => ({ type: 'delta', conversationId: 'bench', turnId: 'a1', text, reasoning: '' })),
      CHUNKS_PER_SECOND,
    );
    await page.waitForTimeout(200);
    const before = await scriptDuration(session);
    const now = () => page.evaluate(() => performance.now());
    const streamStart = await now();
    const started = Date.now();
    await feed(page);
    const wallSeconds = (Date.now() - started) / 1000;
    const afterStream = await scriptDuration(session);
    const finishStart = await now();
    await page.evaluate((full) => {
      (globalThis as unknown as PageGlobals).postMessage(
        {
          type: 'turnFinished',
          conversationId: 'bench',
          turn: { id: 'a1', role: 'assistant', model: 'bench-model', text: full, status: 'done', createdAt: 0, finishReason: 'stop' },
        },
        '*',
      );
      (globalThis as unknown as PageGlobals).postMessage({ type: 'busy', busy: false }, '*');
    }, text);
    await page.waitForTimeout(500);
    const afterFinish = await scriptDuration(session);
    // Entries arrive late, so each is placed in a phase by when it started.
    const tasks = await page.evaluate(() => (globalThis as unknown as PageGlobals).__longTasks);
    const longest = (from: number, to: number) => Math.max(0, ...tasks.filter(([start]) => start >= from && start < to).map(([, d]) => d));
    // The reply must really be on screen, or the timings measure nothing.
    const shown = await page.locator('#app').innerText();
    if (!shown.includes(marker)) throw new Error('the reply did not render');
    return {
      streamScriptMs: afterStream - before,
      finishScriptMs: afterFinish - afterStream,
      longestStreamTask: longest(streamStart, finishStart),
      longestFinishTask: longest(finishStart, Infinity),
      wallSeconds,
    };
  } finally {
    await context.close();
  }
}

export async function runWebviewBench(): Promise<string> {
  const dir = await buildHarness();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    await runOnce(browser, dir, markdownReply(20 * 1024)); // warm-up
    const results = new Map<string, RunResult[]>();
    for (const [label, bytes, runs] of SIZES) {
      const text = markdownReply(bytes);
      for (let i = 0; i < runs; i++) {
        process.stderr.write(`  ${label} reply, run ${i + 1}/${runs} (${chunksOf(text).length} chunks)…\n`);
        results.set(label, [...(results.get(label) ?? []), await runOnce(browser, dir, text)]);
      }
    }
    // The reply that froze the panel for 23 s before it fell back to plain text: one 2 MB line, no newline.
    process.stderr.write('  2 MB single line, 1 run…\n');
    const line = await runOnce(browser, dir, 'word '.repeat((2 * 1024 * 1024) / 5), 'word word');
    const longestLabel = (t: number) => (t === 0 ? `none over ${GOAL_TASK_MS} ms` : ms(t));
    const rows = SIZES.map(([label, bytes]) => {
      const r = results.get(label)!;
      return [
        label,
        String(chunksOf(markdownReply(bytes)).length),
        `${summarize(r.map((x) => x.wallSeconds)).median.toFixed(1)} s`,
        msSpread(summarize(r.map((x) => x.streamScriptMs))),
        longestLabel(Math.max(...r.map((x) => x.longestStreamTask))),
        msSpread(summarize(r.map((x) => x.finishScriptMs))),
        longestLabel(Math.max(...r.map((x) => x.longestFinishTask))),
      ];
    });
    const median = (label: string) => summarize(results.get(label)!.map((x) => x.streamScriptMs)).median;
    const ratio = median('1 MB') / median('200 KB');
    const longest = Math.max(...[...results.values(), [line]].flat().map((x) => Math.max(x.longestStreamTask, x.longestFinishTask)));
    return [
      '### 4. Webview rendering',
      `The chat webview (src/webview/, bundled for production) in headless Chromium ${browser.version()}, fed by a harness page: a markdown reply (headings, lists, tables, fenced TypeScript) in 24-character \`delta\` messages at ${CHUNKS_PER_SECOND.toLocaleString('en-US')} a second, then \`turnFinished\` with the whole reply. Scripting time is Chromium's ScriptDuration for the page; long tasks from the Long Tasks API (which reports tasks over 50 ms only).`,
      table(
        [
          'reply',
          'chunks',
          'stream wall time',
          'scripting while streaming, median (min–max, runs)',
          'longest task while streaming',
          'scripting for turnFinished',
          'longest task at turnFinished',
        ],
        [
          ...rows,
          [
            `2 MB, one line (plain text: one line past ${PLAIN_ABOVE_CHARS.toLocaleString('en-US')} characters)`,
            String(chunksOf('word '.repeat((2 * 1024 * 1024) / 5)).length),
            `${line.wallSeconds.toFixed(1)} s`,
            ms(line.streamScriptMs),
            longestLabel(line.longestStreamTask),
            ms(line.finishScriptMs),
            longestLabel(line.longestFinishTask),
          ],
        ],
      ),
      table(
        ['goal', 'measured', 'verdict'],
        [
          [
            `no task > ${GOAL_TASK_MS} ms`,
            longestLabel(longest),
            goal('4. webview', `no task > ${GOAL_TASK_MS} ms`, longestLabel(longest), longest <= GOAL_TASK_MS),
          ],
          [
            `scripting 1 MB ÷ 200 KB ≤ ${GOAL_RATIO}`,
            ratio.toFixed(2),
            goal('4. webview', `scripting 1 MB ÷ 200 KB ≤ ${GOAL_RATIO}`, ratio.toFixed(2), ratio <= GOAL_RATIO),
          ],
        ],
      ),
    ].join('\n\n');
  } finally {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
