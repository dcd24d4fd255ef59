// From the messages VS Code's language-model API hands a provider (described neutrally here, so this stays
// free of the `vscode` module) to OpenAI chat messages.
import type { ChatMessage, ContentPart, ToolCall } from '../hub/types';
import { estimateTokens, IMAGE_TOKENS, MESSAGE_OVERHEAD_TOKENS } from '../models/tokenEstimate';

export type NeutralPart =
  | { kind: 'text'; text: string }
  | { kind: 'image'; mimeType: string; data: Uint8Array }
  | { kind: 'toolCall'; callId: string; name: string; input: unknown }
  | { kind: 'toolResult'; callId: string; text: string }
  /** The model's reasoning, where VS Code hands it back (LanguageModelThinkingPart). */
  | { kind: 'thinking'; text: string };

export interface NeutralMessage {
  role: 'system' | 'user' | 'assistant';
  parts: NeutralPart[];
}

/**
 * `recallReasoning` finds the reasoning of an assistant turn that made tool calls when VS Code did not hand it back
 * as thinking parts: models in thinking mode need it on that turn (see reasoningMemory.ts).
 */
export function toOpenAiMessages(
  messages: readonly NeutralMessage[],
  recallReasoning: (callIds: string[]) => string | undefined = () => undefined,
): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const message of messages) {
    const text = message.parts.flatMap((p) => (p.kind === 'text' ? [p.text] : [])).join('');
    if (message.role === 'system') {
      out.push({ role: 'system', content: text });
      continue;
    }
    if (message.role === 'assistant') {
      const calls: ToolCall[] = message.parts.flatMap((p) =>
        p.kind === 'toolCall'
          ? [{ id: p.callId, type: 'function' as const, function: { name: p.name, arguments: JSON.stringify(p.input ?? {}) } }]
          : [],
      );
      if (calls.length === 0) {
        out.push({ role: 'assistant', content: text });
        continue;
      }
      // Only tool turns carry reasoning back: it is what the models that need it ask for, and other turns'
      // reasoning would only cost prompt tokens.
      const thought = message.parts.flatMap((p) => (p.kind === 'thinking' ? [p.text] : [])).join('');
      const reasoning = thought || recallReasoning(calls.map((c) => c.id));
      out.push({ role: 'assistant', content: text || null, tool_calls: calls, ...(reasoning ? { reasoning_content: reasoning } : {}) });
      continue;
    }
    // A user turn carries tool results too; OpenAI wants each as its own `tool` message, right after the call.
    for (const part of message.parts) {
      if (part.kind === 'toolResult') out.push({ role: 'tool', tool_call_id: part.callId, content: part.text });
    }
    const images = message.parts.filter((p): p is Extract<NeutralPart, { kind: 'image' }> => p.kind === 'image');
    if (images.length === 0) {
      if (text || !message.parts.some((p) => p.kind === 'toolResult')) out.push({ role: 'user', content: text });
      continue;
    }
    const content: ContentPart[] = [];
    if (text) content.push({ type: 'text', text });
    for (const image of images)
      content.push({ type: 'image_url', image_url: { url: `data:${image.mimeType};base64,${toBase64(image.data)}` } });
    out.push({ role: 'user', content });
  }
  return out;
}

/** An estimate of what the messages cost in prompt tokens. */
export function countMessageTokens(message: NeutralMessage): number {
  let tokens = MESSAGE_OVERHEAD_TOKENS;
  for (const part of message.parts) {
    if (part.kind === 'text') tokens += estimateTokens(part.text);
    else if (part.kind === 'image') tokens += IMAGE_TOKENS;
    else if (part.kind === 'toolCall') tokens += estimateTokens(part.name) + estimateTokens(JSON.stringify(part.input ?? {}));
    else tokens += estimateTokens(part.text);
  }
  return tokens;
}

function toBase64(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
}
