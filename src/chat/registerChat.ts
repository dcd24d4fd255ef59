import * as vscode from 'vscode';
import { registerNotBuiltYet } from '../commands/notBuiltYet';
import { Commands } from '../ids';
import type { Services } from '../services';

export function registerChat(_services: Services): vscode.Disposable {
  return vscode.Disposable.from(registerNotBuiltYet(Commands.openChat, 'the chat panel'), registerNotBuiltYet(Commands.newChat, 'the chat panel'));
}
