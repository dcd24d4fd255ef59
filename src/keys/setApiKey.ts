// `aihub.setApiKey`: asks for the key (or takes it as an argument, for automation), stores it in SecretStorage
// for the current hub, then checks it against the hub's model list.
import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { Services } from '../services';

export function registerSetApiKey(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.setApiKey, async (argument?: unknown) => {
    const baseUrl = services.hub.baseUrl;
    const key = typeof argument === 'string' ? argument : await askForKey(baseUrl);
    const trimmed = key?.trim();
    if (!trimmed) return false;
    await services.keys.set(baseUrl, trimmed);
    services.log.info(`key: stored for ${new URL(baseUrl).origin}`);
    // An automated caller passing the key wants it stored, not a notification to dismiss.
    if (typeof argument === 'string') return true;
    await verify(services);
    return true;
  });
}

function askForKey(baseUrl: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'AI Hub: Set API Key',
    prompt: `API key for ${safeOrigin(baseUrl)}. It is kept in VS Code's secret storage, never in settings.`,
    placeHolder: 'sk-…',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'Paste the key from your hub dashboard.'),
  });
}

async function verify(services: Services): Promise<void> {
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'AI Hub: checking the key…' }, async () => {
    try {
      const models = await services.models.refresh();
      void vscode.window.showInformationMessage(`AI Hub: key saved. ${safeOrigin(services.hub.baseUrl)} offers ${models.length} models.`);
    } catch (err) {
      void vscode.window.showWarningMessage(`AI Hub: key saved, but the hub did not accept it: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}

function safeOrigin(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
