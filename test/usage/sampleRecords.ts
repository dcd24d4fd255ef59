// Usage records made up for tests, the benchmark and screenshots: deterministic (a seeded generator), spread over
// the days of a month and a handful of models, some priced and some not, like a real month's log.
import { daysOfMonth } from '../../src/core/usage/calendar';
import type { UsageRecord } from '../../src/core/usage/record';

export function usageRecord(patch: Partial<UsageRecord> = {}): UsageRecord {
  return {
    v: 1,
    time: '2026-12-01T10:00:00.000Z',
    surface: 'chat',
    hub: 'https://aihubapi.ai/v1',
    model: 'gpt-4o',
    servedModel: null,
    inputTokens: 100,
    outputTokens: 50,
    cachedTokens: null,
    reasoningTokens: null,
    cost: null,
    currency: null,
    durationMs: 1200,
    firstTokenMs: 300,
    outcome: 'done',
    errorKind: null,
    ...patch,
  };
}

/** USD per million input and output tokens; null: the hub publishes no price for it. */
export const SAMPLE_MODELS: [model: string, input: number | null, output: number | null, weight: number][] = [
  ['claude-sonnet-4.6', 3, 15, 5],
  ['gpt-4o', 2.5, 10, 4],
  ['gpt-4o-mini', 0.15, 0.6, 8],
  ['deepseek-chat', 0.27, 1.1, 3],
  ['gemini-2.5-pro', 1.25, 10, 2],
  ['local-llama', null, null, 2],
];

/** `count` replies spread over the first `days` days of `month` (UTC), in time order. */
export function sampleMonth(month: string, count: number, days = daysOfMonth(month).length, seed = 7): UsageRecord[] {
  let state = seed;
  const random = () => {
    // mulberry32: small, fast and the same on every machine.
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const totalWeight = SAMPLE_MODELS.reduce((sum, m) => sum + m[3], 0);
  const pick = () => {
    let r = random() * totalWeight;
    for (const m of SAMPLE_MODELS) if ((r -= m[3]) < 0) return m;
    return SAMPLE_MODELS[0]!;
  };
  const start = Date.parse(`${month}-01T00:00:00.000Z`);
  const span = days * 86_400_000;
  const records: UsageRecord[] = [];
  for (let i = 0; i < count; i++) {
    const [model, input, output] = pick();
    const inputTokens = Math.round(200 + random() * 6000);
    const outputTokens = Math.round(50 + random() * 1500);
    const failed = random() < 0.03;
    const cost = input === null || output === null || failed ? null : (inputTokens * input + outputTokens * output) / 1e6;
    records.push(
      usageRecord({
        time: new Date(start + Math.floor(((i + random()) / count) * span)).toISOString(),
        surface: (['chat', 'selection', 'lm'] as const)[i % 3],
        model,
        inputTokens: failed ? null : inputTokens,
        outputTokens: failed ? null : outputTokens,
        cost,
        currency: cost === null ? null : 'USD',
        durationMs: Math.round(800 + random() * 9000),
        firstTokenMs: failed ? null : Math.round(150 + random() * 900),
        outcome: failed ? 'error' : 'done',
        errorKind: failed ? 'rateLimited' : null,
      }),
    );
  }
  return records;
}
