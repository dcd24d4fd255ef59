// Benchmark 6: added latency, from the hub writing the first text chunk to that text being posted towards the
// webview. Measured in one process (one clock): a minimal server stamps the moment it writes the first chunk;
// the real HubClient and streamReply (src/core/chat/streamReply.ts, what the chat controller calls) deliver it.
// The chat controller itself imports vscode and cannot run here; its batching of deltas is the pure
// DeltaBatcher, which runs here as there, so this measures the path up to webview.postMessage (VS Code's IPC to
// the webview is not included).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { AssistantTurn } from '../../src/core/chat/conversation';
import { DELTA_INTERVAL_MS, DeltaBatcher } from '../../src/core/chat/deltaBatcher';
import { streamReply } from '../../src/core/chat/streamReply';
import { HubClient } from '../../src/core/hub/client';
import { ms, summarize, table, verdict } from '../stats';

const RUNS = 200;
const WARMUP = 20;
const GOAL_MEDIAN_MS = 5;

const base = { id: 'chatcmpl-local', object: 'chat.completion.chunk', created: 1_763_856_000, model: 'bench-model' };
const frame = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

/** A hub that answers each request with a first text chunk at once (stamping when), the rest 40 ms later. */
async function startStampingHub(stamps: number[]): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.flushHeaders();
      setTimeout(() => {
        stamps.push(performance.now());
        res.write(frame({ role: 'assistant', content: 'Hello' }));
        setTimeout(() => res.end(`${frame({ content: ' world.' })}${frame({}, 'stop')}data: [DONE]\n\n`), 40);
      }, 5);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One reply; resolves with [ms to onDelta, ms to the batched post] after the first text chunk was written. */
async function once(client: HubClient, stamps: number[]): Promise<[number, number]> {
  const turn: AssistantTurn = { id: 't', role: 'assistant', model: 'bench-model', text: '', status: 'streaming', createdAt: 0 };
  let firstDelta: number | undefined;
  let resolvePost: (at: number) => void = () => undefined;
  const firstPost = new Promise<number>((resolve) => (resolvePost = resolve));
  // The controller's own batcher, posting as the controller does (the message serialised for the webview).
  const batcher = new DeltaBatcher((delta) => {
    JSON.stringify({ type: 'delta', ...delta });
    resolvePost(performance.now());
  }, DELTA_INTERVAL_MS);
  await streamReply({
    client,
    turn,
    messages: [{ role: 'user', content: 'hi' }],
    signal: new AbortController().signal,
    onDelta: (delta) => {
      if (firstDelta === undefined && delta.text) firstDelta = performance.now();
      batcher.push('c', turn.id, delta);
    },
  });
  batcher.flush();
  const stamp = stamps.at(-1)!;
  return [firstDelta! - stamp, (await firstPost) - stamp];
}

export async function runLatencyBench(): Promise<string> {
  const stamps: number[] = [];
  const hub = await startStampingHub(stamps);
  const client = new HubClient({ baseUrl: hub.url, getApiKey: () => 'sk-bench', maxRetries: 0 });
  const toDelta: number[] = [];
  const toPost: number[] = [];
  try {
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const [a, b] = await once(client, stamps);
      if (i >= WARMUP) {
        toDelta.push(a);
        toPost.push(b);
      }
    }
  } finally {
    await hub.close();
  }
  const d = summarize(toDelta);
  const p = summarize(toPost);
  const row = (name: string, s: typeof d) => [name, ms(s.median), ms(s.p95), `${ms(s.min)} – ${ms(s.max)}`];
  return [
    '### 6. Added latency (first chunk → message to the webview)',
    `${RUNS} replies after ${WARMUP} warm-up ones, over loopback, one process and one clock. The chat controller (src/chat/chatController.ts) imports vscode and cannot run outside VS Code; its delta batching is the pure \`DeltaBatcher\` (src/core/chat/deltaBatcher.ts, ${DELTA_INTERVAL_MS} ms interval, first piece after a quiet spell posted at once), which runs here as it does there. VS Code's own IPC from the extension host to the webview is not included.`,
    table(
      ['measured up to', 'median', 'p95', 'min – max'],
      [
        row('`streamReply` hands the first text to `onDelta` (HubClient parse + validate + event)', d),
        row("the controller's `delta` message is posted (through its `DeltaBatcher`)", p),
      ],
    ),
    `Goal: median ≤ ${GOAL_MEDIAN_MS} ms from the hub to the message: ${ms(p.median)}, ${verdict(p.median <= GOAL_MEDIAN_MS)}.`,
  ].join('\n\n');
}
