// The commands on one model (the tree's context menu, automation): pin, unpin, copy its id, chat with it.
import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { Favourites } from './favourites';
import { setDefaultModel } from './modelPicker';
import type { ModelsNode } from './modelsTree';

export function registerModelCommands(favourites: Favourites): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.pinModel, (argument?: unknown) => withModelId(argument, (id) => favourites.pin(id))),
    vscode.commands.registerCommand(Commands.unpinModel, (argument?: unknown) => withModelId(argument, (id) => favourites.unpin(id))),
    vscode.commands.registerCommand(Commands.copyModelId, (argument?: unknown) =>
      withModelId(argument, async (id) => {
        await vscode.env.clipboard.writeText(id);
        vscode.window.setStatusBarMessage(vscode.l10n.t('AI Hub: copied {0}', id), 3000);
      }),
    ),
    vscode.commands.registerCommand(Commands.chatWithModel, (argument?: unknown) =>
      withModelId(argument, async (id) => {
        // The chat panel starts its conversations with the default model.
        await setDefaultModel(id);
        await vscode.commands.executeCommand(Commands.openChat);
      }),
    ),
  );
}

/** A model id from a command argument: the id itself, or a model row of the tree. */
export function modelIdOf(argument: unknown): string | undefined {
  if (typeof argument === 'string' && argument.trim()) return argument.trim();
  const node = argument as ModelsNode | undefined;
  return node && typeof node === 'object' && node.kind === 'model' ? node.model.id : undefined;
}

async function withModelId(argument: unknown, action: (id: string) => Thenable<void>): Promise<void> {
  const id = modelIdOf(argument);
  if (id) await action(id);
}
