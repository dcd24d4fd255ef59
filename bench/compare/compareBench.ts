// Benchmark: the Compare tab's webview (src/webview/compareMain.ts, bundled for production) in real Chromium with
// three columns streaming at once, each fed 2,000 `delta` messages a second, against a reference measured in the
// same run: the same page with one column at the same rate. The Long Tasks API gives the tasks over 50 ms,
// Chromium's own counters the scripting time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { goal } from '../goals';
import { ms, msSpread, summarize, table } from '../stats';
import { chunksOf, markdownReply } from '../webview/markdownReply';
import type { PageGlobals } from '../webview/webviewBench';
import { buildWebviewHarness, feed, launchChromium, loadFeeder } from '../webviewHarness';
import { profiled } from '../webviewProfile';

const CHUNKS_PER_SECOND = 2_000;
const REPLY_BYTES = 100 * 1024;
const RUNS = 3;
const GOAL_TASK_MS = 50;
/** Three columns do three times the work of one; a little over that is the page's shared cost per frame. */
const GOAL_RATIO = 3.5;
const MODELS = ['gpt-4o', 'claude-sonnet-4.6', 'deepseek-chat'];

const HARNESS = `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><link rel="stylesheet" href="compare.css"><title>bench</title>
<script>
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  let state;
  window.acquireVsCodeApi = () => ({ postMessage() {}, getState: () => state, setState: (s) => { state = s; } });
</script></head>
<body data-surface="editor"><div id="app" class="app"></div><script src="compare.js"></script></body></html>`;

interface RunResult {
  scriptMs: number;
  longestTask: number;
  wallSeconds: number;
}

async function scriptDuration(session: CDPSession): Promise<number> {
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

async function runOnce(browser: Browser, dir: string, columns: number, text: string): Promise<RunResult> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable');
    await page.goto(`file://${path.join(dir, 'index.html')}`);
    const ids = MODELS.slice(0, columns).map((_, i) => `c${i}`);
    const turns = [
      { id: 'q', role: 'user', text: 'Walk me through it.', createdAt: 0 },
      ...ids.map((id, i) => ({ id, role: 'assistant', model: MODELS[i], text: '', status: 'streaming', createdAt: 0 })),
    ];
    await page.evaluate(
      ({ turns, ids }) =>
        (globalThis as unknown as PageGlobals).postMessage(
          {
            type: 'state',
            comparison: { version: 1, id: 'bench', kind: 'comparison', title: 'Bench', model: 'gpt-4o', createdAt: 0, updatedAt: 0, turns },
            columns: ids.map((id) => ({ id, phase: 'streaming', cost: 'unknown' })),
          },
          '*',
        ),
      { turns, ids },
    );
    await page
      .locator('.column')
      .nth(columns - 1)
      .waitFor();
    await loadFeeder(
      page,
      chunksOf(text).flatMap((chunk) => ids.map((columnId) => ({ type: 'delta', columnId, text: chunk, reasoning: '' }))),
      CHUNKS_PER_SECOND * columns,
    );
    await page.waitForTimeout(200);
    const before = await scriptDuration(session);
    const start = (await page.evaluate(() => performance.now())) as number;
    const started = Date.now();
    await profiled(browser, page, session, `compare-${columns}-columns`, () => feed(page));
    const wallSeconds = (Date.now() - started) / 1000;
    const scriptMs = (await scriptDuration(session)) - before;
    await page.waitForTimeout(300);
    const tasks = await page.evaluate(() => (globalThis as unknown as PageGlobals).__longTasks);
    // Every column must really show its reply, or the timings measure nothing.
    for (let i = 0; i < columns; i++) {
      const shown = await page.locator('.column').nth(i).locator('.reply-body').textContent();
      if (!shown?.includes('handle0')) throw new Error(`column ${i + 1} did not render (${shown?.length ?? 0} characters shown)`);
    }
    return { scriptMs, longestTask: Math.max(0, ...tasks.filter(([s]) => s >= start).map(([, d]) => d)), wallSeconds };
  } finally {
    await context.close();
  }
}

export async function runCompareBench(): Promise<string> {
  const { dir, bytes } = await buildWebviewHarness('compare', 'compareMain.ts', HARNESS);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const text = markdownReply(REPLY_BYTES);
    await runOnce(browser, dir, 1, markdownReply(20 * 1024)); // warm-up
    const one: RunResult[] = [];
    const three: RunResult[] = [];
    // Alternated, so a burst of load on the machine falls on both.
    for (let i = 0; i < RUNS; i++) {
      process.stderr.write(`  run ${i + 1}/${RUNS}: one column, then three…\n`);
      one.push(await runOnce(browser, dir, 1, text));
      three.push(await runOnce(browser, dir, 3, text));
    }
    const longestLabel = (t: number) => (t === 0 ? `none over ${GOAL_TASK_MS} ms` : ms(t));
    const row = (label: string, r: RunResult[]) => [
      label,
      `${summarize(r.map((x) => x.wallSeconds)).median.toFixed(1)} s`,
      msSpread(summarize(r.map((x) => x.scriptMs))),
      longestLabel(Math.max(...r.map((x) => x.longestTask))),
    ];
    const longest = Math.max(...three.map((x) => x.longestTask));
    const ratio = summarize(three.map((x) => x.scriptMs)).median / summarize(one.map((x) => x.scriptMs)).median;
    const chunks = chunksOf(text).length;
    return [
      '### 10. Compare tab, three columns streaming',
      `The Compare tab's page (src/webview/compareMain.ts, ${(bytes / 1024).toFixed(0)} KB bundled for production) in headless Chromium ${browser.version()}, fed by a harness page: the same ${REPLY_BYTES / 1024} KB markdown reply (${chunks.toLocaleString('en-US')} chunks of 24 characters) streamed into every column as \`delta\` messages at ${CHUNKS_PER_SECOND.toLocaleString('en-US')} a second per column. Reference, measured in the same run and alternated with it: one column at the same rate. Scripting time is Chromium's ScriptDuration; long tasks from the Long Tasks API (tasks over 50 ms only).`,
      table(
        ['columns', 'stream wall time', `scripting while streaming, median (min–max, runs)`, 'longest task while streaming'],
        [row('1 (reference)', one), row('3', three)],
      ),
      table(
        ['goal', 'measured', 'verdict'],
        [
          [
            `three columns: no task > ${GOAL_TASK_MS} ms`,
            longestLabel(longest),
            goal('10. compare', `three columns: no task > ${GOAL_TASK_MS} ms`, longestLabel(longest), longest <= GOAL_TASK_MS),
          ],
          [
            `scripting 3 columns ÷ 1 column ≤ ${GOAL_RATIO}`,
            ratio.toFixed(2),
            goal('10. compare', `scripting 3 columns ÷ 1 column ≤ ${GOAL_RATIO}`, ratio.toFixed(2), ratio <= GOAL_RATIO),
          ],
        ],
      ),
    ].join('\n\n');
  } finally {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
