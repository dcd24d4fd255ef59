// Commands whose feature has not landed yet answer with a clear message instead of failing.
import * as vscode from 'vscode';

export function registerNotBuiltYet(id: string, feature: string): vscode.Disposable {
  return vscode.commands.registerCommand(id, () => {
    void vscode.window.showInformationMessage(`AI Hub: ${feature} is not available in this version yet.`);
  });
}
