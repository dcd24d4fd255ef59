// `aihub.explainSelection`: the code at the cursor, explained in the chat panel.
import * as vscode from 'vscode';
import { explainAsk } from '../core/prompts/builtinPrompts';
import { Commands } from '../ids';
import { targetInActiveEditor } from './rewriteFlow';
import { sendToChat } from './sendToChat';

export function registerExplainSelection(): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.explainSelection, async () => {
    const target = await targetInActiveEditor({ writable: false });
    return target ? sendToChat(explainAsk(target.ctx)) : false;
  });
}
