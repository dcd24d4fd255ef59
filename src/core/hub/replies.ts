// Replies that arrive whole (a non-streamed completion, or a hub that ignores `stream: true`).
import { toUsage } from './usage';
import { StreamAssembler, type AssembledReply } from './streamAssembler';
import { HubError } from './errors';
import { completionSchema } from './schemas';
import { splitThinking } from './thinkTags';
import type { ChatEvent } from './types';
import * as l10n from '@vscode/l10n';

export interface ChatResult extends AssembledReply {
  /** Chunks that were not valid JSON or not chunk-shaped: skipped (and logged), counted so the UI can say so. */
  skippedChunks: number;
  /** The model the hub says answered (`model` in the reply); hubs map aliases, so it may differ from the one asked. */
  servedModel?: string;
  /** The hub's request id (new-api's `X-Oneapi-Request-Id`, `x-request-id`), else the completion's id. */
  requestId?: string;
}

export function completionToResult(json: unknown, model: string): ChatResult {
  const parsed = completionSchema.safeParse(json);
  if (!parsed.success) {
    throw new HubError({
      kind: 'invalidResponse',
      message: l10n.t('The hub\'s reply for "{0}" has an unexpected shape ({1}).', model, parsed.error.issues[0]?.message ?? 'no choices'),
    });
  }
  const choice = parsed.data.choices[0];
  const assembler = new StreamAssembler();
  const message = choice?.message;
  const reasoning = message?.reasoning_content ?? message?.reasoning;
  if (reasoning) assembler.add({ type: 'reasoning', text: reasoning });
  // Reasoning in <think> tags inside the content is reasoning here too, as in a stream.
  if (message?.content) {
    const split = splitThinking(message.content);
    if (split.reasoning) assembler.add({ type: 'reasoning', text: split.reasoning });
    if (split.text) assembler.add({ type: 'text', text: split.text });
  }
  message?.tool_calls?.forEach((call, index) =>
    assembler.add({
      type: 'toolCallDelta',
      index,
      id: call.id ?? undefined,
      name: call.function.name,
      argumentsDelta: call.function.arguments ?? '',
    }),
  );
  const usage = toUsage(parsed.data.usage);
  if (usage) assembler.add({ type: 'usage', usage });
  if (choice?.finish_reason) assembler.add({ type: 'finish', reason: choice.finish_reason });
  return {
    ...assembler.snapshot(),
    skippedChunks: 0,
    servedModel: parsed.data.model || undefined,
    requestId: parsed.data.id || undefined,
  };
}

/** Gives a listener of a stream the events of a reply that came whole, so it sees one shape either way. */
export function replay(result: ChatResult, onEvent: ((event: ChatEvent) => void) | undefined): void {
  if (!onEvent) return;
  if (result.reasoning) onEvent({ type: 'reasoning', text: result.reasoning });
  if (result.text) onEvent({ type: 'text', text: result.text });
  for (const call of result.toolCalls)
    onEvent({ type: 'toolCallDelta', index: call.index, id: call.id, name: call.name, argumentsDelta: call.arguments });
  if (result.usage) onEvent({ type: 'usage', usage: result.usage });
  if (result.finishReason) onEvent({ type: 'finish', reason: result.finishReason });
}
