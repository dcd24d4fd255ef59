// Whether a request fits the model's context window, checked before sending: a hub answers an oversized
// request with a bare 400 ("context_length_exceeded") after the upload, which tells the user much less.
import type { ChatMessage } from '../hub/types';

/**
 * About four characters per token for English and code with common tokenizers; it errs on the high side for
 * code with long identifiers and on the low side for CJK text, which is fine for a "does it fit" check.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function estimateMessagesTokens(messages: readonly ChatMessage[]): number {
  // A few tokens of framing per message (role, separators).
  return messages.reduce((n, m) => n + 4 + estimateTokens(typeof m.content === 'string' ? m.content : JSON.stringify(m.content ?? '')), 0);
}

/** Used when the hub does not publish a model's context length: most current chat models take at least this. */
export const ASSUMED_CONTEXT_TOKENS = 128_000;

export interface BudgetCheck {
  fits: boolean;
  inputTokens: number;
  /** Room kept for the answer. */
  reservedTokens: number;
  limitTokens: number;
  /** False when the limit is the assumed one. */
  limitKnown: boolean;
}

/**
 * A rewrite's answer is about as long as its input code, so that much room (at least 1,024 tokens, at most
 * the model's output limit) is reserved for it.
 */
export function checkBudget(input: {
  messages: readonly ChatMessage[];
  expectedOutputTokens: number;
  contextLength?: number;
  maxOutputTokens?: number;
}): BudgetCheck {
  const limitTokens = input.contextLength ?? ASSUMED_CONTEXT_TOKENS;
  const inputTokens = estimateMessagesTokens(input.messages);
  const wanted = Math.max(1024, Math.ceil(input.expectedOutputTokens * 1.2));
  const reservedTokens = input.maxOutputTokens ? Math.min(wanted, input.maxOutputTokens) : wanted;
  return {
    fits: inputTokens + reservedTokens <= limitTokens,
    inputTokens,
    reservedTokens,
    limitTokens,
    limitKnown: input.contextLength !== undefined,
  };
}

export function budgetMessage(model: string, check: BudgetCheck): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const limit = check.limitKnown
    ? `${model} takes about ${n(check.limitTokens)}`
    : `${model}'s limit is not published by the hub, ${n(check.limitTokens)} is assumed`;
  return (
    `The code is too large for ${model}: about ${n(check.inputTokens)} tokens with the prompt, plus ${n(check.reservedTokens)} kept for the answer; ` +
    `${limit}. Select a smaller part, or pick a model with a larger context ("AI Hub: Select Model").`
  );
}
