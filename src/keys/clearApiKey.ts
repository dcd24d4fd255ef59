// `aihub.clearApiKey`: forgets the current hub's key.
import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { Services } from '../services';

export function registerClearApiKey(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.clearApiKey, async () => {
    const baseUrl = services.hub.baseUrl;
    await services.keys.delete(baseUrl);
    services.log.info(`key: cleared for ${baseUrl}`);
    void vscode.window.showInformationMessage('AI Hub: API key cleared.');
  });
}
