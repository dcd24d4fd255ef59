// A fast check for the common shape of a usage line, so opening a heavy month can skip the zod schema for it.
// usageRecordSchema (record.ts) stays the definition of a valid record: this guard only answers "certainly valid
// per the schema, and exactly what the schema would return" (true) or "don't know" (false, and the reader asks
// zod). test/unit/usage-record-guard.test.ts checks on sample records and seeded mutations of them that whatever
// it accepts, zod accepts and returns unchanged. Zod cost about as much as JSON.parse a line.
import type { UsageRecord } from './record';

type Fields = Record<string, unknown>;

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;
const OUTCOMES = new Set(['done', 'stopped', 'error']);
/** Every key of a record without `fallbackFrom` (the one optional key): with it, zod decides. */
const KEY_COUNT = 16;

function isName(value: unknown): boolean {
  return typeof value === 'string' && value.length >= 1 && value.length <= 500;
}

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isCount(value: unknown): boolean {
  return value === null || (Number.isSafeInteger(value) && (value as number) >= 0);
}

function isShortString(value: unknown, max: number): boolean {
  return value === null || (typeof value === 'string' && value.length <= max);
}

/** True only when usageRecordSchema certainly accepts `json` and would return it as it is (no unknown keys). */
export function isCommonUsageRecord(json: unknown): json is UsageRecord {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const r = json as Fields;
  return (
    r.v === 1 &&
    typeof r.time === 'string' &&
    TIME.test(r.time) &&
    isName(r.surface) &&
    isName(r.hub) &&
    isName(r.model) &&
    (r.servedModel === null || isName(r.servedModel)) &&
    isCount(r.inputTokens) &&
    isCount(r.outputTokens) &&
    isCount(r.cachedTokens) &&
    isCount(r.reasoningTokens) &&
    (r.cost === null || isAmount(r.cost)) &&
    isShortString(r.currency, 20) &&
    isAmount(r.durationMs) &&
    (r.firstTokenMs === null || isAmount(r.firstTokenMs)) &&
    typeof r.outcome === 'string' &&
    OUTCOMES.has(r.outcome) &&
    isShortString(r.errorKind, 40) &&
    // Sixteen valid known keys and nothing else: no unknown key for zod to strip, no `fallbackFrom` to check.
    Object.keys(r).length === KEY_COUNT
  );
}
