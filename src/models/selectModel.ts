// `aihub.selectModel` (optional argument: a model id or a tree row): makes a model the default.
import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { Services } from '../services';
import type { Favourites } from './favourites';
import { modelIdOf } from './modelCommands';
import { pickModel, setDefaultModel } from './modelPicker';

export function registerSelectModel(services: Services, favourites: Favourites): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.selectModel, async (argument?: unknown) => {
    const id = typeof argument === 'string' ? argument.trim() : (modelIdOf(argument) ?? (await pickModel(services, favourites)));
    if (!id) return undefined;
    await setDefaultModel(id);
    services.log.info(`models: default model set to ${id}`);
    return id;
  });
}
