// `aihub.explainSelection`: the code at the cursor, explained in the chat panel.
import * as vscode from 'vscode';
import { explainAsk } from '../core/prompts/builtinPrompts';
import { Commands } from '../ids';
import { targetInActiveEditor } from './rewriteFlow';
import type { ChatPort } from '../chat/chatAsk';

export function registerExplainSelection(chat: ChatPort): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.explainSelection, async () => {
    const target = await targetInActiveEditor({ writable: false });
    if (!target) return false;
    await chat.ask(explainAsk(target.ctx));
    return true;
  });
}
