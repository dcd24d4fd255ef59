// Asks the hub for its model list with the stored key: the one check that tells a working key from a rejected
// one, used after a key is set and by `aihub._checkKey`.
import * as vscode from 'vscode';
import { isHubError, type HubErrorKind } from '../core/hub/errors';
import { hubHost } from '../core/hubs/hubUrl';
import { Commands } from '../ids';
import type { Services } from '../services';

export type KeyCheck =
  { ok: true; host: string; models: number } | { ok: false; host: string; message: string; kind?: HubErrorKind; status?: number };

export async function checkKey(services: Services): Promise<KeyCheck> {
  const host = hubHost(services.hub.baseUrl);
  try {
    // Through the models service, so the view and the status bar show the same answer at once.
    const models = await services.models.refresh();
    return { ok: true, host, models: new Set(models.map((m) => m.id)).size };
  } catch (err) {
    return {
      ok: false,
      host,
      message: err instanceof Error ? err.message : String(err),
      kind: isHubError(err) ? err.kind : undefined,
      status: isHubError(err) ? err.status : undefined,
    };
  }
}

/** Checks with a progress notification and says the verdict in words; offers to enter another key when rejected. */
export async function checkKeyAndReport(services: Services): Promise<KeyCheck> {
  const check = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `AI Hub: checking the key with ${hubHost(services.hub.baseUrl)}…` },
    () => checkKey(services),
  );
  if (check.ok) {
    void vscode.window.showInformationMessage(
      `AI Hub: key saved. ${check.host} offers ${check.models} model${check.models === 1 ? '' : 's'}.`,
    );
    return check;
  }
  const again = 'Enter Another Key';
  void vscode.window
    .showWarningMessage(`AI Hub: key saved, but ${check.host} did not accept it. ${check.message}`, again)
    .then((choice) => {
      if (choice === again) void vscode.commands.executeCommand(Commands.setApiKey);
    });
  return check;
}

export function registerCheckKey(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.checkKey, () => checkKey(services));
}
