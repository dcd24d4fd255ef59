// The usage reader's fast guard against the zod schema it stands in for: on sample records (the benchmark's month)
// and on thousands of seeded random mutations of them, whatever the guard accepts zod accepts and returns
// unchanged; and a line the guard turns down still reads through zod when it is valid.
import * as assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { parseUsageLines, usageRecordSchema } from '../../src/core/usage/record';
import { isCommonUsageRecord } from '../../src/core/usage/recordGuard';
import { sampleMonth, usageRecord } from '../usage/sampleRecords';

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

const KEYS = Object.keys(usageRecord()).concat(['fallbackFrom', 'extra', '__proto__']);
const JUNK: unknown[] = [
  null,
  '',
  'x',
  'a'.repeat(20),
  'a'.repeat(21),
  'a'.repeat(41),
  'a'.repeat(500),
  'a'.repeat(501),
  0,
  -0,
  -1,
  2.5,
  1,
  2 ** 53,
  2 ** 60,
  true,
  [],
  {},
  'done',
  'stopped',
  'maybe',
  '2026-12-01T10:00:00Z',
  '2026-12-01T10:00:00.1234Z',
  '2026-12-01 10:00:00Z',
  [{ model: 'gpt-4o', reason: 'no channel' }],
  [{ model: '', reason: 'no channel' }],
];

function mutate(record: Record<string, unknown>, random: () => number): unknown {
  const copy: Record<string, unknown> = structuredClone(record);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  for (let n = 1 + Math.floor(random() * 2); n > 0; n--) {
    const op = random();
    const key = pick(KEYS);
    if (op < 0.6) copy[key] = pick(JUNK);
    else if (op < 0.8) delete copy[key];
    else copy[key] = structuredClone(pick(JUNK));
  }
  // Through JSON, as the reader gets it: no `undefined`, and `__proto__` an own key.
  return JSON.parse(JSON.stringify(copy));
}

function check(json: unknown, label: string): boolean {
  const guarded = isCommonUsageRecord(json);
  const parsed = z.safeParse(usageRecordSchema, json);
  if (guarded) {
    assert.ok(parsed.success, `${label}: the guard accepts what zod refuses: ${JSON.stringify(json)}`);
    assert.deepEqual(parsed.data, json, `${label}: zod would return something else for ${JSON.stringify(json)}`);
  }
  return guarded;
}

describe('usage record guard (fast path) against the zod record schema', () => {
  const month = sampleMonth('2026-12', 300).map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>);

  it("accepts the sample month's records, as zod returns them", () => {
    for (const [i, record] of month.entries()) assert.ok(check(record, `record ${i}`), `record ${i} not accepted`);
  });

  it('never accepts what zod refuses or would change, on thousands of random mutations', () => {
    const random = generator(20_261_202);
    let accepted = 0;
    let refusedByBoth = 0;
    for (let i = 0; i < 4_000; i++) {
      const json = mutate(month[i % month.length], random);
      if (check(json, `case ${i}`)) accepted++;
      else if (!z.safeParse(usageRecordSchema, json).success) refusedByBoth++;
    }
    // Both sides exercised: some mutations stay valid (a count changed to another count), most do not.
    assert.ok(accepted > 100, `only ${accepted} accepted`);
    assert.ok(refusedByBoth > 1_500, `only ${refusedByBoth} refused`);
  });

  it('reads the lines the guard leaves to zod: a fallback, an unknown key', () => {
    const withFallback = usageRecord({ fallbackFrom: [{ model: 'gpt-4o', reason: 'no channel (503)' }] });
    const text = [withFallback, { ...usageRecord(), newerField: 1 }, usageRecord()].map((r) => JSON.stringify(r)).join('\n');
    const { records, skipped } = parseUsageLines(`${text}\n{"v":1}\nnot json\n`);
    assert.equal(skipped, 2);
    assert.deepEqual(records, [withFallback, usageRecord(), usageRecord()]);
  });
});
