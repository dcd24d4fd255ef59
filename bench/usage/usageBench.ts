// Benchmark 7: the usage log and the Usage view over a heavy month (100,000 replies).
// - Opening the view: the extension reads the month's JSONL file with the real UsageLog (src/usage/usageLog.ts,
//   plain Node), validates every line, and sums the month (src/core/usage/aggregate.ts).
// - Drawing it: the Usage page's production bundle in Chromium, in a harness page standing in for VS Code, is sent
//   that month's summary; timed from the message to the next frame after the chart and tables are drawn.
// - Recording: what a reply pays for its usage line. The synchronous part (the record built and queued) per reply,
//   and whole replies from the local hub with and without the meter, interleaved.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { buildWebviewHarness, launchChromium } from '../webviewHarness';
import { HubClient } from '../../src/core/hub/client';
import { silentLogger } from '../../src/core/logger';
import { summarise } from '../../src/core/usage/aggregate';
import { monthFileName } from '../../src/core/usage/monthFile';
import { meterStream } from '../../src/core/usage/meter';
import { formatUsageLine, parseUsageLines } from '../../src/core/usage/record';
import { UsageLog } from '../../src/usage/usageLog';
import { startHub } from '../../test/hub/server';
import { sampleMonth } from '../../test/usage/sampleRecords';
import { goal } from '../goals';
import { collectGarbage, mb, ms, msSpread, summarize, table } from '../stats';

const RECORDS = 100_000;
const MONTH = '2026-11';
/** Opening the view ÷ the least any reader must do (read the file, JSON.parse every line). */
const GOAL_OPEN_RATIO = 2.5;
/** Drawing a 100,000-reply month ÷ drawing a one-reply month: the page's work must not grow with the log. */
const GOAL_DRAW_RATIO = 1.5;
const GOAL_APPEND_US = 50;

interface OpenTimes {
  bare: number[];
  read: number[];
  parse: number[];
  sum: number[];
  whole: number[];
}

async function measureOpen(dir: string): Promise<OpenTimes> {
  const file = path.join(dir, monthFileName(MONTH));
  const out: OpenTimes = { bare: [], read: [], parse: [], sum: [], whole: [] };
  const log = new UsageLog(dir, silentLogger);
  for (let run = 0; run < 2 + 9; run++) {
    collectGarbage();
    // The reference: the least any reader of the file does.
    let t = performance.now();
    let lines = 0;
    for (const line of (await fs.promises.readFile(file, 'utf8')).split('\n')) if (line && JSON.parse(line)) lines++;
    const bare = performance.now() - t;
    if (lines !== RECORDS) throw new Error(`read ${lines} lines, not ${RECORDS}`);
    collectGarbage();
    // Stages apart, to see where the time goes…
    t = performance.now();
    const text = fs.readFileSync(file, 'utf8');
    const read = performance.now() - t;
    t = performance.now();
    const { records } = parseUsageLines(text);
    const parse = performance.now() - t;
    t = performance.now();
    summarise(records, MONTH);
    const sum = performance.now() - t;
    collectGarbage();
    // …and what the view really does (the month's file and its neighbours', async reads).
    t = performance.now();
    const around = await log.readAround(MONTH);
    const s = summarise(around.records, MONTH);
    const whole = performance.now() - t;
    if (s.total.replies !== RECORDS) throw new Error(`summed ${s.total.replies} replies, not ${RECORDS}`);
    if (run < 2) continue;
    out.bare.push(bare);
    out.read.push(read);
    out.parse.push(parse);
    out.sum.push(sum);
    out.whole.push(whole);
  }
  return out;
}

const HARNESS = `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><link rel="stylesheet" href="usage.css"><title>bench</title>
<script>
  window.__ready = 0;
  window.acquireVsCodeApi = () => ({ postMessage(m) { if (m.type === 'ready') window.__ready = performance.now(); }, getState() {}, setState() {} });
</script></head>
<body data-surface="editor"><div id="app" class="app"></div><script src="usage.js"></script></body></html>`;

async function drawOnce(browser: Browser, dir: string, message: unknown): Promise<{ ready: number; draw: number }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`file://${path.join(dir, 'index.html')}`);
    await page.waitForFunction('window.__ready > 0');
    const ready = (await page.evaluate('window.__ready')) as number;
    // A string, because tsx would wrap a named function in a helper the page does not have.
    const draw = (await page.evaluate(`new Promise((resolve) => {
      const t0 = performance.now();
      window.postMessage(${JSON.stringify(message)}, '*');
      const check = () => document.body.dataset.month === ${JSON.stringify(MONTH)}
        ? requestAnimationFrame(() => resolve(performance.now() - t0))
        : setTimeout(check, 0);
      check();
    })`)) as number;
    if ((await page.locator('tbody tr').count()) === 0) throw new Error('the Usage page drew no table');
    return { ready, draw };
  } finally {
    await context.close();
  }
}

/** The heavy month and a one-reply month, interleaved so a busy moment falls on both alike. */
async function measureDraw(browser: Browser, dir: string, heavy: unknown, light: unknown, runs: number) {
  const out = { ready: [] as number[], heavy: [] as number[], light: [] as number[] };
  for (let run = 0; run < runs + 1; run++) {
    const h = await drawOnce(browser, dir, heavy);
    const l = await drawOnce(browser, dir, light);
    if (run === 0) continue;
    out.ready.push(h.ready, l.ready);
    out.heavy.push(h.draw);
    out.light.push(l.draw);
  }
  return out;
}

async function measureRecording(dir: string): Promise<{ appendUs: number; bare: number[]; metered: number[]; lines: number }> {
  const log = new UsageLog(path.join(dir, 'recording'), silentLogger);
  const records = sampleMonth('2026-12', 10_000);
  // The part a reply waits for: building the line and queueing it (the write happens later, off its path).
  const write = meterStream(
    { streamChat: async () => ({ text: '', reasoning: '', toolCalls: [], possiblyTruncated: false, skippedChunks: 0 }) },
    {
      surface: 'chat',
      hub: 'https://aihubapi.ai/v1',
      write: (r) => log.append(r),
    },
  );
  for (let i = 0; i < 1_000; i++) await write.streamChat({ model: 'gpt-4o', messages: [] });
  collectGarbage();
  let t = performance.now();
  for (const r of records) log.append(r);
  const appendUs = ((performance.now() - t) * 1000) / records.length;
  await log.flushed();
  const lines = fs.readFileSync(path.join(log.dir, monthFileName('2026-12')), 'utf8').split('\n').length - 1;

  const hub = await startHub({ apiKey: null });
  try {
    const client = new HubClient({ baseUrl: hub.url, getApiKey: () => undefined, keyOptional: true, maxRetries: 0 });
    const metered = meterStream(client, { surface: 'chat', hub: hub.url, write: (r) => log.append(r) });
    const ask = (c: Pick<HubClient, 'streamChat'>) => {
      hub.enqueue({ kind: 'chunks', count: 500 });
      return c.streamChat({ model: 'gpt-4o', messages: [{ role: 'user', content: 'bench' }] }, { onEvent: () => undefined });
    };
    const out = { bare: [] as number[], metered: [] as number[] };
    for (let run = 0; run < 5 + 40; run++) {
      for (const [name, c] of [
        ['bare', client],
        ['metered', metered],
      ] as const) {
        t = performance.now();
        await ask(c);
        if (run >= 5) out[name].push(performance.now() - t);
      }
    }
    await log.flushed();
    return { appendUs, lines, ...out };
  } finally {
    await hub.close();
  }
}

export async function runUsageBench(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aihub-bench-usage-log-'));
  let browser: Browser | undefined;
  let harness: { dir: string; bytes: number } | undefined;
  try {
    const records = sampleMonth(MONTH, RECORDS);
    const text = records.map(formatUsageLine).join('');
    fs.writeFileSync(path.join(dir, monthFileName(MONTH)), text);
    process.stderr.write(`  opening a month of ${RECORDS.toLocaleString('en-US')} replies (${mb(text.length)})…\n`);
    const open = await measureOpen(dir);

    harness = await buildWebviewHarness('usage', 'usage.ts', HARNESS);
    const message = (summary: unknown) => ({ type: 'summary', summary, months: [MONTH], current: MONTH, skipped: 0 });
    browser = await launchChromium();
    process.stderr.write('  drawing the month in Chromium…\n');
    const draw = await measureDraw(
      browser,
      harness.dir,
      message(summarise(records, MONTH)),
      message(summarise(records.slice(0, 1), MONTH)),
      7,
    );

    process.stderr.write('  recording replies…\n');
    const rec = await measureRecording(dir);

    const whole = summarize(open.whole).median;
    const openRatio = whole / summarize(open.bare).median;
    const drawn = summarize(draw.heavy).median;
    const drawRatio = drawn / summarize(draw.light).median;
    const bare = summarize(rec.bare).median;
    const metered = summarize(rec.metered).median;
    const openText = `${openRatio.toFixed(2)}× (${ms(whole)})`;
    const drawText = `${drawRatio.toFixed(2)}× (${ms(drawn)})`;
    const appendText = `${rec.appendUs.toFixed(1)} µs`;
    return [
      '### 7. Usage view and usage log',
      `A month of ${RECORDS.toLocaleString('en-US')} replies (${mb(text.length)} of JSON Lines; made by \`sampleMonth\` in test/usage/sampleRecords.ts: 6 models, 30 days, some without a price). Opening the view: the real \`UsageLog.readAround\` (the month's file and its neighbours', every line validated: a hand-written guard of the record schema for the common line, zod for any other) and \`summarise\`, against the least any reader does (read the file, \`JSON.parse\` every line). Drawing: the Usage page's production bundle (${(harness.bytes / 1024).toFixed(0)} KB, Chart.js included) in headless Chromium ${browser.version()}, timed from the summary message to the frame after the chart and tables are drawn; the summary has at most 9 series of 31 days whatever the month's size, so a one-reply month is the reference.`,
      table(
        ['stage', 'median (min–max, runs)'],
        [
          ['reference: read the file and JSON.parse every line', msSpread(summarize(open.bare))],
          ['read the file', msSpread(summarize(open.read))],
          ['parse and validate every line', msSpread(summarize(open.parse))],
          ['sum per day and model', msSpread(summarize(open.sum))],
          ['**open the view: read + validate + sum, as the extension does it**', msSpread(summarize(open.whole))],
          ['page script loaded and ready', msSpread(summarize(draw.ready))],
          ['**draw the month: message → chart and tables on screen**', msSpread(summarize(draw.heavy))],
          ['draw a month of one reply (reference)', msSpread(summarize(draw.light))],
        ],
      ),
      `Recording: building and queueing one usage line costs ${appendText} on the reply's path (the write to disk happens afterwards, batched: ${rec.lines.toLocaleString('en-US')} lines reached the file). Whole 500-chunk replies from the local hub, interleaved: ${ms(bare)} bare, ${ms(metered)} metered (${(metered / bare).toFixed(2)}×, within the runs' spread of ${ms(summarize(rec.bare).min)}–${ms(summarize(rec.bare).max)}).`,
      table(
        ['goal', 'measured', 'verdict'],
        [
          [
            `open the month ≤ ${GOAL_OPEN_RATIO}× the reference read`,
            openText,
            goal('7. usage', `open a 100,000-reply month ≤ ${GOAL_OPEN_RATIO}× read + JSON.parse`, openText, openRatio <= GOAL_OPEN_RATIO),
          ],
          [
            `draw it ≤ ${GOAL_DRAW_RATIO}× a one-reply month`,
            drawText,
            goal('7. usage', `draw that month ≤ ${GOAL_DRAW_RATIO}× a one-reply month`, drawText, drawRatio <= GOAL_DRAW_RATIO),
          ],
          [
            `a reply's usage line ≤ ${GOAL_APPEND_US} µs on its path`,
            appendText,
            goal('7. usage', `a reply's usage line ≤ ${GOAL_APPEND_US} µs on its path`, appendText, rec.appendUs <= GOAL_APPEND_US),
          ],
        ],
      ),
    ].join('\n\n');
  } finally {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
    if (harness) fs.rmSync(harness.dir, { recursive: true, force: true });
  }
}
