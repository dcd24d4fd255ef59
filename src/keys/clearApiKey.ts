// `aihub.clearApiKey`: forgets the current hub's key (other hubs keep theirs).
import * as vscode from 'vscode';
import { hubHost } from '../core/hubs/hubUrl';
import { Commands } from '../ids';
import type { Services } from '../services';

export function registerClearApiKey(services: Pick<Services, 'hub' | 'keys' | 'log'>): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.clearApiKey, async () => {
    const baseUrl = services.hub.baseUrl;
    const host = hubHost(baseUrl);
    const had = !!(await services.keys.get(baseUrl));
    await services.keys.delete(baseUrl);
    services.log.info(`key: cleared for ${host}`);
    void vscode.window.showInformationMessage(
      had
        ? vscode.l10n.t('AI Hub: the API key for {0} was removed from secret storage.', host)
        : vscode.l10n.t('AI Hub: no API key was stored for {0}.', host),
    );
    return had;
  });
}
