// The chat's context budget. A conversation is sent whole while it fits the model's input limit; past it, the
// oldest messages are left out (and the answer says how many), and a question that does not fit on its own is
// refused with the numbers before anything is sent. Limits and token estimates are the ones every other surface
// uses (VS Code's model picker, the selection commands' size check).
import * as l10n from '@vscode/l10n';
import type { ChatMessage } from '../hub/types';
import { describeLimitsSource, type ResolvedLimits } from '../models/limits';
import { estimateMessagesTokens } from '../prompts/tokenBudget';

export type ContextFit =
  | { ok: true; messages: ChatMessage[]; droppedMessages: number; sentTokens: number; totalTokens: number }
  | { ok: false; questionTokens: number };

export function fitToContext(messages: readonly ChatMessage[], limits: ResolvedLimits): ContextFit {
  const sizes = messages.map((m) => estimateMessagesTokens([m]));
  const totalTokens = sizes.reduce((a, b) => a + b, 0);
  if (totalTokens <= limits.maxInputTokens)
    return { ok: true, messages: [...messages], droppedMessages: 0, sentTokens: totalTokens, totalTokens };
  // Newest first, as many as fit; the question being asked (the last message) must fit on its own.
  let start = messages.length;
  let sent = 0;
  while (start > 0 && sent + sizes[start - 1] <= limits.maxInputTokens) sent += sizes[--start];
  if (start === messages.length) return { ok: false, questionTokens: sizes[sizes.length - 1] ?? 0 };
  // A conversation sent from the middle starts with a question, never with an answer to a question left out.
  while (start < messages.length - 1 && messages[start].role !== 'user') sent -= sizes[start++];
  return { ok: true, messages: messages.slice(start), droppedMessages: start, sentTokens: sent, totalTokens };
}

const n = (x: number) => x.toLocaleString('en-US');

/** Said under an answer sent without the oldest messages. */
export function droppedNote(model: string, fit: Extract<ContextFit, { ok: true }>, limits: ResolvedLimits): string {
  const source = describeLimitsSource(limits.source);
  return fit.droppedMessages === 1
    ? l10n.t(
        'The oldest message of this conversation was left out: it is about {0} tokens, and {1} takes {2} in ({3}). New Chat starts afresh.',
        n(fit.totalTokens),
        model,
        n(limits.maxInputTokens),
        source,
      )
    : l10n.t(
        'The {0} oldest messages of this conversation were left out: it is about {1} tokens, and {2} takes {3} in ({4}). New Chat starts afresh.',
        n(fit.droppedMessages),
        n(fit.totalTokens),
        model,
        n(limits.maxInputTokens),
        source,
      );
}

/** The error of a question refused before sending. */
export function refusedMessage(model: string, fit: Extract<ContextFit, { ok: false }>, limits: ResolvedLimits): string {
  return l10n.t(
    'Nothing was sent: this question is about {0} tokens, and {1} takes {2} in ({3}). Shorten it or attach less, or pick a model with a larger context.',
    n(fit.questionTokens),
    model,
    n(limits.maxInputTokens),
    describeLimitsSource(limits.source),
  );
}
