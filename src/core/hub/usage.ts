// The hub's `usage` object, streamed or whole, as the extension's Usage: one converter, so a streamed reply and a
// plain one report the same numbers — OpenAI's token counts with their cached / reasoning details, and
// OpenRouter's `cost`.
import type * as z from 'zod/mini';
import type { usageSchema } from './schemas';
import type { Usage } from './types';

export function toUsage(usage: z.infer<typeof usageSchema> | null | undefined): Usage | undefined {
  if (!usage || (usage.prompt_tokens == null && usage.completion_tokens == null && usage.total_tokens == null)) return undefined;
  const promptTokens = usage.prompt_tokens ?? 0;
  const completionTokens = usage.completion_tokens ?? 0;
  const out: Usage = { promptTokens, completionTokens, totalTokens: usage.total_tokens ?? promptTokens + completionTokens };
  // Typed checks, not the schema's word: a chunk the fast guard passed arrives unvalidated beyond the counts.
  const cached = (usage.prompt_tokens_details as { cached_tokens?: unknown } | null | undefined)?.cached_tokens;
  const reasoning = (usage.completion_tokens_details as { reasoning_tokens?: unknown } | null | undefined)?.reasoning_tokens;
  if (typeof cached === 'number' && Number.isFinite(cached) && cached > 0) out.cachedTokens = cached;
  if (typeof reasoning === 'number' && Number.isFinite(reasoning) && reasoning > 0) out.reasoningTokens = reasoning;
  if (typeof usage.cost === 'number' && Number.isFinite(usage.cost) && usage.cost >= 0) out.cost = usage.cost;
  return out;
}
