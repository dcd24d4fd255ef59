// `aihub.selectModel` (optional argument: a model id or a tree row): makes a model the default. The models view's
// context menu offers the same as `aihub.setDefaultModel`, titled for what it does there ("Set as Default Model").
import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { Services } from '../services';
import type { Favourites } from './favourites';
import { modelIdOf } from './modelCommands';
import { pickModel, setDefaultModel } from './modelPicker';

export function registerSelectModel(services: Services, favourites: Favourites): vscode.Disposable {
  const select = async (argument?: unknown): Promise<string | undefined> => {
    const id = typeof argument === 'string' ? argument.trim() : (modelIdOf(argument) ?? (await pickModel(services, favourites)));
    if (!id) return undefined;
    await setDefaultModel(id);
    services.log.info(`models: default model set to ${id}`);
    return id;
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.selectModel, select),
    vscode.commands.registerCommand(Commands.setDefaultModel, select),
  );
}
