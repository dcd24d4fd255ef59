// Turns validated stream chunks into events, smoothing over the ways hubs differ from OpenAI.
import type { Chunk } from './schemas';
import type { ChatEvent } from './types';

export class ChunkDecoder {
  private lastToolIndex = -1;
  private lastToolId: string | undefined;
  sawFinish = false;

  decode(chunk: Chunk, emit: (event: ChatEvent) => void): void {
    const choice = chunk.choices?.[0];
    if (choice) {
      const delta = choice.delta;
      if (delta) {
        const reasoning = joinReasoning(delta.reasoning_content, delta.reasoning);
        if (reasoning) emit({ type: 'reasoning', text: reasoning });
        if (delta.content) emit({ type: 'text', text: delta.content });
        if (delta.tool_calls) {
          for (const call of delta.tool_calls) {
            const index = this.toolIndex(call.index, call.id);
            emit({
              type: 'toolCallDelta',
              index,
              id: call.id ?? undefined,
              name: call.function?.name ?? undefined,
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
    const usage = chunk.usage;
    if (usage && (usage.prompt_tokens != null || usage.completion_tokens != null || usage.total_tokens != null)) {
      const promptTokens = usage.prompt_tokens ?? 0;
      const completionTokens = usage.completion_tokens ?? 0;
      emit({
        type: 'usage',
        usage: { promptTokens, completionTokens, totalTokens: usage.total_tokens ?? promptTokens + completionTokens },
      });
    }
  }

  /** Some hubs omit `index` on tool-call deltas: a new id starts a new call, anything else continues the last. */
  private toolIndex(index: number | null | undefined, id: string | null | undefined): number {
    if (index != null) {
      this.lastToolIndex = index;
      if (id) this.lastToolId = id;
      return index;
    }
    if (this.lastToolIndex < 0 || (id && id !== this.lastToolId)) {
      this.lastToolIndex += 1;
      this.lastToolId = id ?? undefined;
    }
    return this.lastToolIndex;
  }
}

/** Hubs disagree on the field's name and some send both with the same text: count that text once. */
function joinReasoning(a: string | null | undefined, b: string | null | undefined): string {
  if (a && b) return a === b ? a : a + b;
  return a || b || '';
}
