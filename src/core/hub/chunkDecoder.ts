// Turns validated stream chunks into events, smoothing over the ways hubs differ from OpenAI.
import { toUsage } from './usage';
import type { Chunk } from './schemas';
import { ThinkTagSplitter } from './thinkTags';
import type { ChatEvent } from './types';

export class ChunkDecoder {
  private readonly thinkTags = new ThinkTagSplitter();
  /** Made on the first tool call: most replies have none. */
  private toolCalls?: ToolCallSlots;
  sawFinish = false;
  /** The `model` and `id` the chunks named (the first ones seen). */
  servedModel: string | undefined;
  completionId: string | undefined;

  decode(chunk: Chunk, emit: (event: ChatEvent) => void): void {
    // Read from the raw chunk when the fast guard passed it: only a non-empty string counts.
    if (this.servedModel === undefined && typeof chunk.model === 'string' && chunk.model) this.servedModel = chunk.model;
    if (this.completionId === undefined && typeof chunk.id === 'string' && chunk.id) this.completionId = chunk.id;
    const choice = chunk.choices?.[0];
    if (choice) {
      const delta = choice.delta;
      if (delta) {
        const reasoning = joinReasoning(delta.reasoning_content, delta.reasoning);
        if (reasoning) emit({ type: 'reasoning', text: reasoning });
        const content = delta.content;
        if (content) {
          if (this.thinkTags.passThrough) emit({ type: 'text', text: content });
          else this.thinkTags.write(content, emit);
        }
        if (delta.tool_calls) {
          const slots = (this.toolCalls ??= new ToolCallSlots());
          for (const call of delta.tool_calls) {
            const name = call.function?.name || undefined;
            emit({
              type: 'toolCallDelta',
              index: slots.slot(call.index, call.id || undefined, name !== undefined),
              id: call.id || undefined,
              name,
              argumentsDelta: call.function?.arguments ?? '',
            });
          }
        }
      }
      if (choice.finish_reason) {
        this.sawFinish = true;
        emit({ type: 'finish', reason: choice.finish_reason });
      }
    }
    // Usage can ride on any chunk, including a last one with `choices: []`.
    const usage = toUsage(chunk.usage);
    if (usage) emit({ type: 'usage', usage });
  }

  /** At the end of the reply (finished or not): hands out text held back while it could still be a tag. */
  flush(emit: (event: ChatEvent) => void): void {
    this.thinkTags.flush(emit);
  }
}

/**
 * Which call a tool-call piece belongs to, as a slot number in order of arrival. OpenAI identifies a call by its
 * `index` and sends its `id` and name once; routes in front of other providers do not:
 * - every call at index 0, each with a new id (new-api#2701 before the fix, Gemini's OpenAI endpoint);
 * - continuation pieces without `index` (Cloudflare Workers AI, Kimi) or without `id`, or several entries for
 *   one index in the same chunk (vLLM with speculative decoding, openai-python#3201);
 * - a new id minted for every piece of one call (mlx-openai-server#216): a piece that names no function does
 *   not start a call, whatever its id says.
 * So: a known id is its call; a new id with a function name starts a call; anything else continues the call
 * last seen at that index, or the last call.
 */
class ToolCallSlots {
  private readonly byId = new Map<string, number>();
  private readonly byIndex = new Map<number, number>();
  private count = 0;
  private latest = -1;

  slot(index: number | null | undefined, id: string | undefined, named: boolean): number {
    let slot = id === undefined ? undefined : this.byId.get(id);
    if (slot === undefined) {
      const continued = index != null ? this.byIndex.get(index) : this.latest >= 0 ? this.latest : undefined;
      const starts = continued === undefined || (id !== undefined ? named : index == null && named);
      slot = starts || continued === undefined ? this.count++ : continued;
      if (id !== undefined) this.byId.set(id, slot);
    }
    if (index != null) this.byIndex.set(index, slot);
    this.latest = slot;
    return slot;
  }
}

/** Hubs disagree on the field's name and some send both with the same text: count that text once. */
function joinReasoning(a: string | null | undefined, b: string | null | undefined): string {
  if (a && b) return a === b ? a : a + b;
  return a || b || '';
}
