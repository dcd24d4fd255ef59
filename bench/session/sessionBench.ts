// Benchmark 12: a long session does not grow. The real extension in a real extension host (code-server) and its
// chat webview in Chromium, against the local hub: replies of 100 KB through the chat panel (each in a new
// conversation, as `aihub._chatAsk` starts one) and through `vscode.lm`, with the extension host's heap after a
// forced GC read before and after each batch. A driver loaded into the host as its extension tests module
// (bench/session/hostDriver.ts) asks and reads the heap; the webview's renderer is read over Chromium's DevTools
// protocol after its own forced GC.
import { goal } from '../goals';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CDPSession, Page } from 'playwright-core';
import { startHub, type LocalHub } from '../../test/hub/server';
import { chatFrame } from '../../test/runner/workbench';
import { mb, table } from '../stats';
import { startHostSession, type HostSession } from './hostSession';

const REPLIES = Number(process.env.AIHUB_BENCH_SESSION_REPLIES ?? 200);
const WARMUP = 5;
/** Growth of the heap after a forced GC over the whole session, each side. */
const GOAL_GROWTH_BYTES = 3 * 1024 * 1024;
/** 2,000 chunks of 50 characters: 100 KB of markdown paragraphs, streamed as a hub streams. */
const CHUNK = 'A line of a long reply, streamed chunk by chunk.\n\n';
const PROMPT = `[[scenario:${JSON.stringify({ kind: 'chunks', count: 2_000, chunkText: CHUNK })}]] a long reply, please`;
const SNAPSHOTS = process.env.AIHUB_BENCH_SESSION_SNAPSHOTS;

interface HostHeap {
  usedBytes: number;
  totalBytes: number;
  externalBytes: number;
}
interface WebviewHeap {
  usedBytes: number;
  nodes: number;
  listeners: number;
}

/** A DevTools session on the chat webview's frame, or on the page when the webview shares its renderer. */
async function webviewSession(page: Page): Promise<{ session: CDPSession; own: boolean }> {
  await chatFrame(page).locator('textarea.input').waitFor({ timeout: 60_000 });
  const frame = page.frames().find((f) => f.url().includes('extensionId=aihub.aihub-vscode'));
  if (frame) {
    try {
      return { session: await page.context().newCDPSession(frame), own: true };
    } catch {
      // Not an out-of-process frame: it lives in the workbench's renderer.
    }
  }
  return { session: await page.context().newCDPSession(page), own: false };
}

/** After the panel has drawn the last reply (its footer shows once it is finished). */
async function webviewHeap(page: Page, session: CDPSession): Promise<WebviewHeap> {
  await chatFrame(page).locator('.turn.assistant .turn-footer').last().waitFor({ timeout: 120_000 });
  for (let i = 0; i < 4; i++) {
    await session.send('HeapProfiler.collectGarbage');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  const counters = await session.send('Memory.getDOMCounters');
  return { usedBytes: usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners };
}

const signed = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${mb(Math.abs(bytes))}`;

export async function runSessionBench(): Promise<string> {
  let hub: LocalHub | undefined;
  let host: HostSession | undefined;
  try {
    hub = await startHub({ apiKey: null });
    host = await startHostSession(hub, { 'aihub.defaultModel': 'gpt-4o-mini' });
    const { workbench, driver: ask } = host;
    const snapshot = async (name: string) => {
      if (SNAPSHOTS) await ask('snapshot', { file: path.join(SNAPSHOTS, `${name}.heapsnapshot`) });
    };
    process.stderr.write(`  warm-up: ${WARMUP} replies each way\n`);
    await ask('chat', { n: WARMUP, prompt: PROMPT });
    await ask('lm', { n: WARMUP, prompt: PROMPT, model: 'gpt-4o-mini' });
    const { session, own } = await webviewSession(workbench.page);
    const heaps: HostHeap[] = [await ask<HostHeap>('heap')];
    const view: WebviewHeap[] = [await webviewHeap(workbench.page, session)];
    await snapshot('0-start');
    const seconds: number[] = [];
    for (const [what, extra] of [
      ['chat', {}],
      ['lm', { model: 'gpt-4o-mini' }],
    ] as const) {
      process.stderr.write(`  ${REPLIES} replies through ${what}…\n`);
      const t = performance.now();
      await ask(what, { n: REPLIES, prompt: PROMPT, ...extra });
      seconds.push((performance.now() - t) / 1000);
      heaps.push(await ask<HostHeap>('heap'));
      view.push(await webviewHeap(workbench.page, session));
      await snapshot(`${heaps.length - 1}-after-${what}`);
    }
    const hostGrowth = heaps[2].usedBytes - heaps[0].usedBytes;
    const viewGrowth = view[2].usedBytes - view[0].usedBytes;
    const hostRow = (label: string, h: HostHeap, i: number) => [
      label,
      mb(h.usedBytes),
      i === 0 ? '—' : signed(h.usedBytes - heaps[i - 1].usedBytes),
      mb(h.externalBytes),
    ];
    const viewRow = (label: string, v: WebviewHeap, i: number) => [
      label,
      mb(v.usedBytes),
      i === 0 ? '—' : signed(v.usedBytes - view[i - 1].usedBytes),
      String(v.nodes),
      String(v.listeners),
    ];
    const labels = [
      `after ${WARMUP} warm-up replies each way`,
      `after ${REPLIES} chat-panel replies (${seconds[0].toFixed(0)} s)`,
      `after ${REPLIES} \`vscode.lm\` replies (${seconds[1].toFixed(0)} s)`,
    ];
    const target = `session of ${REPLIES}+${REPLIES} replies of 100 KB: heap growth after GC ≤ ${mb(GOAL_GROWTH_BYTES)}`;
    return [
      '### 12. A long session does not grow',
      `${REPLIES} replies of 100 KB (2,000 chunks of 50 characters from the local hub) through the chat panel, each in a new conversation (\`aihub._chatAsk\`, which the selection commands use, waiting until the reply is saved), then ${REPLIES} through \`vscode.lm\` (\`sendRequest\`, the stream read to its end), after ${WARMUP} warm-up replies each way. The extension host's heap is V8's used heap size after four full collections (a driver inside the host, loaded as its extension tests module); the webview's is \`Runtime.getHeapUsage\` after four \`HeapProfiler.collectGarbage\` over Chromium's DevTools protocol on ${own ? "the chat webview's own renderer (an out-of-process frame)" : "the workbench page's renderer, which the chat webview shares (same-site frames share one V8 isolate), so the workbench's heap is in the figure too"}, with the DOM node and event listener counts of that renderer (\`Memory.getDOMCounters\`).`,
      '**Extension host**',
      table(
        ['when', 'used heap after GC', 'growth', 'external memory'],
        heaps.map((h, i) => hostRow(labels[i], h, i)),
      ),
      '**Chat webview**',
      table(
        ['when', 'used heap after GC', 'growth', 'DOM nodes', 'event listeners'],
        view.map((v, i) => viewRow(labels[i], v, i)),
      ),
      table(
        ['goal', 'measured', 'verdict'],
        [
          [
            `extension host: ${target}`,
            signed(hostGrowth),
            goal('12. session', `extension host: ${target}`, signed(hostGrowth), hostGrowth <= GOAL_GROWTH_BYTES),
          ],
          [
            `webview: ${target}`,
            signed(viewGrowth),
            goal('12. session', `webview: ${target}`, signed(viewGrowth), viewGrowth <= GOAL_GROWTH_BYTES),
          ],
        ],
      ),
    ].join('\n\n');
  } finally {
    await host?.close();
    await hub?.close();
  }
}
