// A fast check for the common shape of a stream chunk, so the hot path can skip the zod schema for it.
// chunkSchema (schemas.ts) stays the definition of a valid chunk and the source of every error message: this guard
// only answers "certainly valid per chunkSchema" (true) or "don't know" (false, and the caller asks zod). It
// mirrors the schema field by field; test/unit/hub-chunk-guard.test.ts checks on recorded and mutated chunks
// that whatever it accepts, zod accepts and decodes to the same events. Zod costs about 40 % of JSON.parse a chunk.
import type { Chunk } from './schemas';

type Fields = Record<string, unknown>;

/** What zod's object schema accepts: a non-null, non-array object. */
function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNullishString(value: unknown): boolean {
  return value == null || typeof value === 'string';
}

function isNullishNumber(value: unknown): boolean {
  return value == null || (typeof value === 'number' && Number.isFinite(value));
}

function isToolCallDelta(call: unknown): boolean {
  if (!isObject(call)) return false;
  const { index, function: fn } = call;
  if (index != null && !(typeof index === 'number' && Number.isSafeInteger(index) && index >= 0)) return false;
  if (!isNullishString(call.id) || !isNullishString(call.type)) return false;
  return fn == null || (isObject(fn) && isNullishString(fn.name) && isNullishString(fn.arguments));
}

function isDelta(delta: unknown): boolean {
  if (delta == null) return true;
  if (!isObject(delta)) return false;
  if (!isNullishString(delta.content) || !isNullishString(delta.reasoning_content) || !isNullishString(delta.reasoning)) return false;
  const calls = delta.tool_calls;
  if (calls == null) return true;
  if (!Array.isArray(calls)) return false;
  for (const call of calls) if (!isToolCallDelta(call)) return false;
  return true;
}

function isUsage(usage: unknown): boolean {
  return (
    usage == null ||
    (isObject(usage) &&
      isNullishNumber(usage.prompt_tokens) &&
      isNullishNumber(usage.completion_tokens) &&
      isNullishNumber(usage.total_tokens))
  );
}

/** True only when chunkSchema certainly accepts `json`; then it can be read as a Chunk (unknown keys are ignored). */
export function isCommonChunk(json: unknown): json is Chunk {
  if (!isObject(json)) return false;
  const choices = json.choices;
  if (choices != null) {
    if (!Array.isArray(choices)) return false;
    for (const choice of choices) {
      if (!isObject(choice) || !isNullishString(choice.finish_reason) || !isDelta(choice.delta)) return false;
    }
  }
  return isUsage(json.usage);
}
