// The hot path's chunk guard against the zod schema it stands in for: on the local hub's recorded chunks and on
// thousands of seeded random mutations of them, whatever the guard accepts zod accepts and decodes to the same
// events; and on these inputs the two agree outright (the guard is never more cautious than zod).
import * as assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { ChunkDecoder } from '../../src/core/hub/chunkDecoder';
import { isCommonChunk } from '../../src/core/hub/chunkGuard';
import { chunkSchema, type Chunk } from '../../src/core/hub/schemas';
import type { ChatEvent } from '../../src/core/hub/types';
import type { ChatBody, Scenario } from '../hub/scenarios';
import { STREAM_ERRORS, THINK_TAGS, type ThinkTag, type ToolCallShape } from '../hub/shapes';
import { planStream } from '../hub/streamPlan';

const BODY: ChatBody = {
  model: 'guard-model',
  messages: [{ role: 'user', content: 'Weather in Oslo?' }],
  tools: [{ function: { name: 'get_weather', parameters: { properties: { city: { type: 'string' }, days: { type: 'integer' } } } } }],
};

const SCENARIOS: Scenario[] = [
  { kind: 'echo' },
  { kind: 'text', text: 'Hello there, a reply in pieces.', chunkSize: 5 },
  { kind: 'usageOnlyLast' },
  { kind: 'midStreamError', afterChunks: 2 },
  ...(Object.keys(STREAM_ERRORS) as (keyof typeof STREAM_ERRORS)[]).map((shape): Scenario => ({
    kind: 'streamError',
    shape,
    afterChunks: 1,
  })),
  { kind: 'reasoning' },
  { kind: 'reasoning', both: true },
  { kind: 'reasoning', field: 'reasoning' },
  ...(['openai', 'allIndexZero', 'noIndex', 'idPerPiece', 'duplicateIndex'] as ToolCallShape[]).map((shape): Scenario => ({
    kind: 'toolCall',
    shape,
    calls: [
      { name: 'get_weather', arguments: { city: 'Oslo', days: 3 } },
      { name: 'get_time', arguments: { zone: 'CET' } },
    ],
  })),
  ...(Object.keys(THINK_TAGS) as ThinkTag[]).map((tag): Scenario => ({ kind: 'thinkTags', tag })),
  { kind: 'chunks', count: 3 },
];

/** Every JSON `data:` payload of the scenarios' streams, one list per stream. */
function recordedStreams(): unknown[][] {
  return SCENARIOS.map((scenario) =>
    planStream(scenario, BODY)
      .flatMap((step) => ('frame' in step ? step.frame.split(/\r\n|\r|\n/) : []))
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trim())
      .filter((data) => data !== '[DONE]')
      .flatMap((data) => {
        try {
          return [JSON.parse(data) as unknown];
        } catch {
          return [];
        }
      }),
  );
}

/** mulberry32: a small seeded generator, so a failure is reproducible from the case number. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'choices',
  'delta',
  'content',
  'reasoning_content',
  'reasoning',
  'tool_calls',
  'index',
  'id',
  'type',
  'function',
  'name',
  'arguments',
  'finish_reason',
  'usage',
  'prompt_tokens',
  'completion_tokens',
  'total_tokens',
  'error',
  'role',
  'extra',
];

function junk(random: () => number, depth = 0): unknown {
  const pick = Math.floor(random() * 16);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return '';
    case 3:
      return 'text';
    case 4:
      return 0;
    case 5:
      return -1;
    case 6:
      return 2.5;
    case 7:
      return [NaN, Infinity, -Infinity, 2 ** 60][Math.floor(random() * 4)];
    case 8:
      return true;
    case 9:
      return [];
    case 10:
      return {};
    case 11:
      return depth < 2 ? [junk(random, depth + 1), junk(random, depth + 1)] : 'deep';
    case 12:
      return depth < 2 ? { [KEYS[Math.floor(random() * KEYS.length)]]: junk(random, depth + 1) } : 7;
    case 13:
      return 3;
    case 14:
      return 'stop';
    default:
      return -0;
  }
}

/** Every object and array in the value, with the path to it, so a mutation can land anywhere. */
function containers(value: unknown, out: (Record<string, unknown> | unknown[])[] = []): (Record<string, unknown> | unknown[])[] {
  if (typeof value === 'object' && value !== null) {
    out.push(value as Record<string, unknown>);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

function mutate(value: unknown, random: () => number): unknown {
  const copy = structuredClone(value);
  const targets = containers(copy);
  if (targets.length === 0) return junk(random);
  const target = targets[Math.floor(random() * targets.length)];
  const keys = Array.isArray(target) ? target.map((_, i) => String(i)) : Object.keys(target);
  const key = keys.length > 0 && random() < 0.8 ? keys[Math.floor(random() * keys.length)] : KEYS[Math.floor(random() * KEYS.length)];
  const record = target as Record<string, unknown>;
  const op = random();
  if (op < 0.5) record[key] = junk(random);
  else if (op < 0.65) delete record[key];
  else if (op < 0.8) record[KEYS[Math.floor(random() * KEYS.length)]] = junk(random);
  else if (op < 0.9) record[key] = [record[key]];
  else if (Array.isArray(target)) target.push(junk(random));
  else record[key] = { nested: record[key] };
  return copy;
}

function decodeAll(chunks: Chunk[]): ChatEvent[] {
  const decoder = new ChunkDecoder();
  const events: ChatEvent[] = [];
  for (const chunk of chunks) decoder.decode(chunk, (e) => events.push(e));
  decoder.flush((e) => events.push(e));
  return events;
}

/** The guard's verdict and, when it accepts, the events must be zod's. Returns whether the guard accepted. */
function check(json: unknown, label: string): boolean {
  const guarded = isCommonChunk(json);
  const parsed = z.safeParse(chunkSchema, json);
  assert.equal(guarded, parsed.success, `${label}: guard says ${guarded}, zod says ${parsed.success} for ${JSON.stringify(json)}`);
  if (guarded && parsed.success) {
    assert.deepEqual(decodeAll([json]), decodeAll([parsed.data]), `${label}: events differ for ${JSON.stringify(json)}`);
  }
  return guarded;
}

describe('stream chunk guard (hot path) against the zod chunk schema', () => {
  const streams = recordedStreams();

  it('accepts every recorded chunk of the local hub whose shape zod accepts, with the same events stream by stream', () => {
    let accepted = 0;
    for (const [i, stream] of streams.entries()) {
      for (const json of stream) if (check(json, `scenario ${SCENARIOS[i].kind}`)) accepted++;
      const zodChunks = stream.flatMap((json) => {
        const parsed = z.safeParse(chunkSchema, json);
        return parsed.success ? [parsed.data] : [];
      });
      assert.deepEqual(decodeAll(stream.filter(isCommonChunk)), decodeAll(zodChunks), `scenario ${SCENARIOS[i].kind}`);
    }
    assert.ok(accepted > 100, `only ${accepted} recorded chunks`);
  });

  it('agrees with zod on thousands of random mutations of them (wrong types, missing and extra fields, nulls, junk)', () => {
    // One chunk of each shape (strings aside), so the many text chunks do not drown the few tool-call ones.
    const shapeOf = (json: unknown) => JSON.stringify(json, (_, v: unknown) => (typeof v === 'string' ? '' : v));
    const all = [...new Map(streams.flat().map((json) => [shapeOf(json), json])).values()];
    const random = generator(17);
    let accepted = 0;
    let rejected = 0;
    for (let n = 0; n < 10_000; n++) {
      let value = all[Math.floor(random() * all.length)];
      const times = 1 + Math.floor(random() * 3);
      for (let m = 0; m < times; m++) value = mutate(value, random);
      if (check(value, `case ${n}`)) accepted++;
      else rejected++;
    }
    // Both verdicts must be well represented, or the test proves nothing.
    assert.ok(accepted > 1000 && rejected > 1000, `accepted ${accepted}, rejected ${rejected}`);
  });
});
