// Whether a request fits the model's context window, checked before sending: a hub answers an oversized
// request with a bare 400 ("context_length_exceeded") after the upload, which tells the user much less.
// The limits and the token estimate are the ones VS Code's model picker shows for the same model.
import type { ChatMessage } from '../hub/types';
import { describeLimitsSource, type ResolvedLimits } from '../models/limits';
import { estimateTokens, IMAGE_TOKENS, MESSAGE_OVERHEAD_TOKENS } from '../models/tokenEstimate';

export function estimateMessagesTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((n, m) => n + MESSAGE_OVERHEAD_TOKENS + contentTokens(m.content), 0);
}

/** An image part counts as an image (not as the characters of its data URL). */
function contentTokens(content: ChatMessage['content']): number {
  if (typeof content === 'string') return estimateTokens(content);
  if (!Array.isArray(content)) return estimateTokens(JSON.stringify(content ?? ''));
  return content.reduce((n, part) => n + (part.type === 'text' ? estimateTokens(part.text) : IMAGE_TOKENS), 0);
}

export interface BudgetCheck {
  fits: boolean;
  inputTokens: number;
  /** Room kept for the answer. */
  reservedTokens: number;
  limits: ResolvedLimits;
}

/**
 * A rewrite's answer is about as long as its input code, so that much room (at least 1,024 tokens, at most
 * the model's output limit) is reserved for it; the prompt itself must fit the model's input limit.
 */
export function checkBudget(input: {
  messages: readonly ChatMessage[];
  expectedOutputTokens: number;
  limits: ResolvedLimits;
}): BudgetCheck {
  const { limits } = input;
  const inputTokens = estimateMessagesTokens(input.messages);
  const reservedTokens = Math.min(Math.max(1024, Math.ceil(input.expectedOutputTokens * 1.2)), limits.maxOutputTokens);
  const fits = inputTokens <= limits.maxInputTokens && inputTokens + reservedTokens <= limits.maxInputTokens + limits.maxOutputTokens;
  return { fits, inputTokens, reservedTokens, limits };
}

export function budgetMessage(model: string, check: BudgetCheck): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const { limits } = check;
  return (
    `The code is too large for ${model}: about ${n(check.inputTokens)} tokens with the prompt, plus ${n(check.reservedTokens)} kept for the answer; ` +
    `${model} takes ${n(limits.maxInputTokens)} in / ${n(limits.maxOutputTokens)} out (${describeLimitsSource(limits.source)}). ` +
    `Select a smaller part, or pick a model with a larger context ("AI Hub: Select Model").`
  );
}
