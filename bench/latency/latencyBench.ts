// Benchmark 6: added latency, from the hub writing the first text chunk to that text being posted towards the
// webview. Measured in one process (one clock): a minimal server stamps the moment it writes the first chunk;
// the chat's own reply loop (src/core/chat/replyLoop.ts, what the chat controller runs) with the real HubClient
// and the real conversation store on a temporary folder delivers it to its `show` port, which is where the
// controller calls webview.postMessage (VS Code's IPC to the webview is not included).
import { goal } from '../goals';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { newConversation } from '../../src/core/chat/conversation';
import { ConversationStore } from '../../src/core/chat/conversationStore';
import { DELTA_INTERVAL_MS } from '../../src/core/chat/deltaBatcher';
import { ReplyLoop } from '../../src/core/chat/replyLoop';
import { HubClient } from '../../src/core/hub/client';
import { ms, summarize, table } from '../stats';

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

/** One reply; resolves with [ms to the first text event, ms to the first `show`] after the first chunk was written. */
async function once(client: HubClient, store: ConversationStore, stamps: number[], run: number): Promise<[number, number]> {
  const conversation = newConversation(`bench-${run}`, 'bench-model', Date.now());
  conversation.turns.push({ id: 'u', role: 'user', text: 'hi', createdAt: Date.now() });
  let firstShow: number | undefined;
  const loop = new ReplyLoop(conversation, {
    client,
    now: () => performance.now(),
    save: (c) => store.save(c),
    // Each shown piece is appended to the journal (a synchronous write) before `show`: part of what is measured.
    journal: store.journal(conversation.id),
    // The message the controller posts, serialised as webview.postMessage does.
    show: (delta) => {
      JSON.stringify({ type: 'delta', ...delta });
      firstShow ??= performance.now();
    },
  });
  await loop.begin();
  const { metrics } = await loop.run();
  const stamp = stamps.at(-1)!;
  return [metrics.firstTokenAt! - stamp, firstShow! - stamp];
}

export async function runLatencyBench(): Promise<string> {
  const stamps: number[] = [];
  const hub = await startStampingHub(stamps);
  const client = new HubClient({ baseUrl: hub.url, getApiKey: () => 'sk-bench', maxRetries: 0 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aihub-latency-'));
  const store = new ConversationStore(dir);
  const toDelta: number[] = [];
  const toPost: number[] = [];
  try {
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const [a, b] = await once(client, store, stamps, i);
      if (i >= WARMUP) {
        toDelta.push(a);
        toPost.push(b);
      }
    }
  } finally {
    await hub.close();
    await store.flush();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const d = summarize(toDelta);
  const p = summarize(toPost);
  const row = (name: string, s: typeof d) => [name, ms(s.median), ms(s.p95), `${ms(s.min)} – ${ms(s.max)}`];
  return [
    '### 6. Added latency (first chunk → message to the webview)',
    `${RUNS} replies after ${WARMUP} warm-up ones, over loopback, one process and one clock. The chat's reply loop (\`ReplyLoop\`, src/core/chat/replyLoop.ts) runs here exactly as the chat controller runs it: the question saved to a real conversation store on a temporary folder first, then the stream, each piece appended synchronously to the conversation's journal before it is shown, its \`DeltaBatcher\` (${DELTA_INTERVAL_MS} ms interval, first piece after a quiet spell shown at once) and throttled saves. Measured up to the loop's \`show\` port, where the controller calls webview.postMessage; VS Code's own IPC from the extension host to the webview is not included.`,
    table(
      ['measured up to', 'median', 'p95', 'min – max'],
      [
        row('the first text event reaches the loop (HubClient parse + validate + event)', d),
        row("the loop shows it: the controller's `delta` message is posted", p),
      ],
    ),
    `Goal: median ≤ ${GOAL_MEDIAN_MS} ms from the hub to the message: ${ms(p.median)}, ${goal('6. latency', `median ≤ ${GOAL_MEDIAN_MS} ms, hub → webview message`, ms(p.median), p.median <= GOAL_MEDIAN_MS)}.`,
  ].join('\n\n');
}
