// VS Code's language-model message parts → the neutral shape src/core/lm converts to OpenAI messages.
import * as vscode from 'vscode';
import type { NeutralMessage, NeutralPart } from '../core/lm/messages';

// The System role is still a proposed API (value 3); any role VS Code adds later is treated as the user's.
const SYSTEM_ROLE = 3;

export function toNeutralMessage(message: vscode.LanguageModelChatRequestMessage): NeutralMessage {
  const role =
    message.role === vscode.LanguageModelChatMessageRole.Assistant
      ? 'assistant'
      : (message.role as number) === SYSTEM_ROLE
        ? 'system'
        : 'user';
  return { role, parts: message.content.flatMap(toNeutralParts) };
}

function toNeutralParts(part: unknown): NeutralPart[] {
  if (part instanceof vscode.LanguageModelTextPart) return [{ kind: 'text', text: part.value }];
  if (part instanceof vscode.LanguageModelToolCallPart)
    return [{ kind: 'toolCall', callId: part.callId, name: part.name, input: part.input }];
  if (part instanceof vscode.LanguageModelToolResultPart)
    return [{ kind: 'toolResult', callId: part.callId, text: part.content.map(resultText).join('') }];
  const thinking = asThinkingPart(part);
  if (thinking !== undefined) return thinking ? [{ kind: 'thinking', text: thinking }] : [];
  const data = asDataPart(part);
  if (data) {
    if (data.mimeType.startsWith('image/')) return [{ kind: 'image', mimeType: data.mimeType, data: data.data }];
    if (data.mimeType.startsWith('text/') || data.mimeType.includes('json'))
      return [{ kind: 'text', text: new TextDecoder().decode(data.data) }];
  }
  // Anything else (cache hints, parts a newer VS Code invents) carries nothing a chat completion can use.
  return [];
}

function resultText(part: unknown): string {
  if (part instanceof vscode.LanguageModelTextPart) return part.value;
  if (part instanceof vscode.LanguageModelPromptTsxPart) return JSON.stringify(part.value);
  const data = asDataPart(part);
  if (data && !data.mimeType.startsWith('image/')) return new TextDecoder().decode(data.data);
  return typeof part === 'string' ? part : '';
}

/** LanguageModelThinkingPart is a proposed API (VS Code 1.139 has it): its text, or undefined for another part. */
function asThinkingPart(part: unknown): string | undefined {
  const Thinking = (vscode as unknown as { LanguageModelThinkingPart?: new (...args: never[]) => { value: string | string[] } })
    .LanguageModelThinkingPart;
  return Thinking && part instanceof Thinking ? [part.value].flat().join('') : undefined;
}

/** LanguageModelDataPart (images, JSON) is newer than the 1.104 API this extension targets: recognised by shape. */
function asDataPart(part: unknown): { mimeType: string; data: Uint8Array } | undefined {
  const candidate = part as { mimeType?: unknown; data?: unknown } | null;
  if (candidate && typeof candidate.mimeType === 'string' && candidate.data instanceof Uint8Array)
    return { mimeType: candidate.mimeType, data: candidate.data };
  return undefined;
}
