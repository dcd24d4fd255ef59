// `aihub.clearApiKey`: forgets the current hub's key (other hubs keep theirs).
import * as vscode from 'vscode';
import { hubHost } from '../core/hubs/hubUrl';
import { Commands } from '../ids';
import type { Services } from '../services';

export function registerClearApiKey(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.clearApiKey, async () => {
    const baseUrl = services.hub.baseUrl;
    const host = hubHost(baseUrl);
    const had = !!(await services.keys.get(baseUrl));
    await services.keys.delete(baseUrl);
    services.log.info(`key: cleared for ${host}`);
    void vscode.window.showInformationMessage(
      had ? `AI Hub: the API key for ${host} was removed from secret storage.` : `AI Hub: no API key was stored for ${host}.`,
    );
    return had;
  });
}
