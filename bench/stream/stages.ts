// Where our client's time goes, without the network: the same event-stream bytes, from memory, through each
// stage of reading in turn. The last row is the real `readEventStream`; the ones above it stop earlier.
import { performance } from 'node:perf_hooks';
import * as z from 'zod/mini';
import { StreamAssembler } from '../../src/core/hub/streamAssembler';
import { readEventStream } from '../../src/core/hub/eventStream';
import { IdleWatchdog } from '../../src/core/hub/idleWatchdog';
import { chunkSchema } from '../../src/core/hub/schemas';
import { isCommonChunk } from '../../src/core/hub/chunkGuard';
import { silentLogger } from '../../src/core/logger';
import { collectGarbage, ms, summarize, table } from '../stats';
import { feedEvents } from './bareParse';

/** 64 KB pieces, the size fetch hands over on loopback. */
function responseOf(pieces: Uint8Array[]): Response {
  let i = 0;
  return new Response(new ReadableStream<Uint8Array>({ pull: (c) => (i < pieces.length ? c.enqueue(pieces[i++]) : c.close()) }), {
    headers: { 'content-type': 'text/event-stream' },
  });
}

const STAGES: [string, (r: Response) => Promise<unknown>][] = [
  [
    'read the bytes',
    async (r) => {
      for await (const _ of r.body as ReadableStream<Uint8Array>) void _;
    },
  ],
  ['+ split events (eventsource-parser)', (r) => feedEvents(r, () => undefined)],
  ['+ JSON.parse each (= bare parse)', (r) => feedEvents(r, (d) => d !== '[DONE]' && JSON.parse(d))],
  [
    '+ check the shape (guard; zod when unsure)',
    (r) =>
      feedEvents(r, (d) => {
        if (d === '[DONE]') return;
        const json: unknown = JSON.parse(d);
        if (!isCommonChunk(json)) z.safeParse(chunkSchema, json);
      }),
  ],
  [
    '+ decode, events, assemble (= our readEventStream)',
    async (r) => {
      const watchdog = new IdleWatchdog(60_000);
      let events = 0;
      await readEventStream(r, {
        watchdog,
        assembler: new StreamAssembler(),
        onEvent: () => events++,
        model: 'bench',
        logger: silentLogger,
        maxReplyChars: 20_000_000,
      });
      watchdog.dispose();
    },
  ],
];

export async function stageBreakdown(body: string, chunks: number): Promise<string> {
  const bytes = new TextEncoder().encode(body);
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += 65_536) pieces.push(bytes.subarray(i, i + 65_536));
  const samples: number[][] = STAGES.map(() => []);
  for (let round = 0; round < 12; round++) {
    for (let i = 0; i < STAGES.length; i++) {
      collectGarbage();
      const start = performance.now();
      await STAGES[i][1](responseOf(pieces));
      if (round >= 3) samples[i].push(performance.now() - start);
    }
  }
  const medians = samples.map((s) => summarize(s).median);
  const rows = STAGES.map(([name], i) => [
    name,
    ms(medians[i]),
    i === 0 ? '—' : `+${ms(medians[i] - medians[i - 1])}`,
    `${((medians[i] * 1000) / chunks).toFixed(2)} µs`,
  ]);
  return table(['stage (in-process, no network)', 'median', 'this stage adds', 'per chunk'], rows);
}
