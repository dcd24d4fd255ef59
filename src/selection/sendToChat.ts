// The chat pattern: a new user turn in the chat panel's current conversation, through the panel's internal
// command, so the answer streams there and is kept with the conversation.
import * as vscode from 'vscode';
import type { ChatAsk } from '../core/prompts/builtinPrompts';
import { Commands } from '../ids';

export async function sendToChat(ask: ChatAsk): Promise<boolean> {
  const commands = await vscode.commands.getCommands(true);
  if (!commands.includes(Commands.chatAsk)) {
    void vscode.window.showWarningMessage('AI Hub: the chat panel is not available, so the question could not be asked.');
    return false;
  }
  await vscode.commands.executeCommand(Commands.chatAsk, ask);
  return true;
}
