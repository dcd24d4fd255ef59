// Streams one answer into its turn: text and reasoning as they arrive, then the final status. Never throws:
// a stop keeps the partial answer marked as stopped, a failure keeps it with the hub's actionable message.
import type { HubClient } from '../hub/client';
import { isHubError } from '../hub/errors';
import type { ChatMessage, ChatRequest } from '../hub/types';
import type { AssistantTurn, ReplyTiming } from './conversation';

export interface StreamReplyOptions {
  client: Pick<HubClient, 'streamChat'>;
  /** Filled in place: the caller saves and shows it. */
  turn: AssistantTurn;
  messages: ChatMessage[];
  /** Request fields beside the model and messages (the conversation's temperature, max tokens, effort). */
  parameters?: Partial<ChatRequest>;
  signal: AbortSignal;
  /** Called for every piece that arrives, with just that piece. */
  onDelta(delta: { text: string; reasoning: string }): void;
  /** The clock for `turn.timing` (milliseconds; tests inject one). */
  now?: () => number;
}

export async function streamReply(options: StreamReplyOptions): Promise<void> {
  const { turn } = options;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const timing: ReplyTiming = {};
  turn.timing = timing;
  const arrived = () => {
    timing.firstTokenMs ??= Math.round(now() - started);
  };
  try {
    const result = await options.client.streamChat(
      { ...options.parameters, model: turn.model, messages: options.messages },
      {
        signal: options.signal,
        fallbackFrom: turn.fallbacks,
        onEvent: (event) => {
          if (event.type === 'text') {
            if (event.text) arrived();
            turn.text += event.text;
            options.onDelta({ text: event.text, reasoning: '' });
          } else if (event.type === 'reasoning') {
            if (event.text) arrived();
            turn.reasoning = (turn.reasoning ?? '') + event.text;
            options.onDelta({ text: '', reasoning: event.text });
          } else if (event.type === 'usage') {
            turn.usage = event.usage;
          }
        },
      },
    );
    // The assembled reply is the reference: it holds whatever the events carried, in order.
    turn.text = result.text;
    if (result.reasoning) turn.reasoning = result.reasoning;
    turn.usage = result.usage ?? turn.usage;
    turn.finishReason = result.finishReason;
    if (result.servedModel && result.servedModel !== turn.model) turn.servedModel = result.servedModel;
    if (result.requestId) turn.requestId = result.requestId;
    if (result.possiblyTruncated) turn.possiblyTruncated = true;
    turn.status = 'done';
  } catch (err) {
    const partial = isHubError(err) ? err.partial : undefined;
    if (partial && partial.text.length >= turn.text.length) turn.text = partial.text;
    if (partial?.reasoning && partial.reasoning.length >= (turn.reasoning ?? '').length) turn.reasoning = partial.reasoning;
    if (partial?.usage) turn.usage = partial.usage;
    if (isHubError(err) && err.kind === 'cancelled') {
      turn.status = 'stopped';
      return;
    }
    turn.status = 'error';
    turn.error = { message: err instanceof Error ? err.message : String(err), kind: isHubError(err) ? err.kind : undefined };
    if (isHubError(err) && err.status !== undefined) turn.error.status = err.status;
    if (isHubError(err) && err.retryAfterMs !== undefined) turn.error.retryAfterMs = err.retryAfterMs;
    if (isHubError(err) && err.requestId) turn.error.requestId = err.requestId;
  } finally {
    timing.totalMs = Math.round(now() - started);
  }
}

/** Empties a reply to stream it again (a retry, another model): what it said and how it ended are dropped. */
export function resetReply(turn: AssistantTurn): void {
  turn.text = '';
  turn.status = 'streaming';
  for (const key of ['reasoning', 'usage', 'finishReason', 'possiblyTruncated', 'error', 'timing'] as const) delete turn[key];
}
