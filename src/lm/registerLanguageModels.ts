import * as vscode from 'vscode';
import type { Services } from '../services';

export function registerLanguageModels(_services: Services): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}
