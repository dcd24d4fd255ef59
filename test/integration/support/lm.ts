// What the suites that drive the provider through `vscode.lm` share: picking a hub model and reading a reply whole.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export async function model(id = 'gpt-4o'): Promise<vscode.LanguageModelChat> {
  const [found] = await vscode.lm.selectChatModels({ vendor: 'aihub', id });
  assert.ok(found, `${id} is offered through vscode.lm`);
  return found;
}

/** Sends and reads the whole reply, returning its parts and whatever error ended it. */
export async function collect(
  chat: vscode.LanguageModelChat,
  messages: vscode.LanguageModelChatMessage[],
  options: vscode.LanguageModelChatRequestOptions = {},
  token?: vscode.CancellationToken,
) {
  const parts: unknown[] = [];
  const texts: string[] = [];
  let error: unknown;
  try {
    const response = await chat.sendRequest(messages, options, token);
    for await (const part of response.stream) {
      parts.push(part);
      if (part instanceof vscode.LanguageModelTextPart) texts.push(part.value);
    }
  } catch (err) {
    error = err;
  }
  return { parts, texts, text: texts.join(''), error };
}

type ThinkingPart = { value: string | string[] };

/** The thinking parts of a reply, where this VS Code has LanguageModelThinkingPart (a proposed API; 1.139 has it). */
export function thinkingOf(parts: readonly unknown[]): ThinkingPart[] | undefined {
  const Thinking = (vscode as unknown as { LanguageModelThinkingPart?: new (value: string) => ThinkingPart }).LanguageModelThinkingPart;
  return Thinking ? parts.filter((p): p is ThinkingPart => p instanceof Thinking) : undefined;
}
