// The hub's `usage` object, streamed or whole, as the extension's Usage: one converter, so a streamed reply and a
// plain one report the same numbers.
import type * as z from 'zod/mini';
import type { usageSchema } from './schemas';
import type { Usage } from './types';

export function toUsage(usage: z.infer<typeof usageSchema> | null | undefined): Usage | undefined {
  if (!usage || (usage.prompt_tokens == null && usage.completion_tokens == null && usage.total_tokens == null)) return undefined;
  const promptTokens = usage.prompt_tokens ?? 0;
  const completionTokens = usage.completion_tokens ?? 0;
  return { promptTokens, completionTokens, totalTokens: usage.total_tokens ?? promptTokens + completionTokens };
}
