import * as vscode from 'vscode';
import { registerNotBuiltYet } from '../commands/notBuiltYet';
import { Commands } from '../ids';
import type { Services } from '../services';

export function registerSelection(_services: Services): vscode.Disposable {
  return vscode.Disposable.from(registerNotBuiltYet(Commands.explainSelection, 'explaining a selection'), registerNotBuiltYet(Commands.refactorSelection, 'refactoring a selection'));
}
