import * as vscode from 'vscode';
import { registerNotBuiltYet } from '../commands/notBuiltYet';
import { Commands } from '../ids';
import type { Services } from '../services';

export function registerModels(_services: Services): vscode.Disposable {
  return vscode.Disposable.from(registerNotBuiltYet(Commands.refreshModels, 'the models view'), registerNotBuiltYet(Commands.selectModel, 'the model picker'));
}
