// Asks the hub for its model list with the stored key: the one check that tells a working key from a rejected
// one, used after a key is set and by `aihub._checkKey`.
import * as vscode from 'vscode';
import { isHubError } from '../core/hub/errors';
import { hubHost } from '../core/hubs/hubUrl';
import { keyCheckVerdict, type KeyCheck, type KeyCheckAction } from '../core/hubs/keyCheckVerdict';
import { Commands } from '../ids';
import type { Services } from '../services';

export async function checkKey(services: Pick<Services, 'hub' | 'models'>): Promise<KeyCheck> {
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

const BUTTONS: Record<KeyCheckAction, { label: string; command: string }> = {
  enterAnotherKey: { label: vscode.l10n.t('Enter Another Key'), command: Commands.setApiKey },
  checkAgain: { label: vscode.l10n.t('Check Again'), command: Commands.checkKey },
  chooseHub: { label: vscode.l10n.t('Choose Hub'), command: Commands.selectHub },
};

/** Checks with a progress notification and says the verdict in words, with the buttons that fit it. */
export async function checkKeyAndReport(services: Pick<Services, 'hub' | 'models'>): Promise<KeyCheck> {
  const check = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('AI Hub: checking the key with {0}…', hubHost(services.hub.baseUrl)),
    },
    () => checkKey(services),
  );
  const verdict = keyCheckVerdict(check);
  const buttons = verdict.actions.map((a) => BUTTONS[a]);
  const show = verdict.severity === 'info' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  void show(vscode.l10n.t('AI Hub: {0}', verdict.text), ...buttons.map((b) => b.label)).then(async (choice) => {
    const button = buttons.find((b) => b.label === choice);
    if (button?.command === Commands.checkKey) await checkKeyAndReport(services);
    else if (button) await vscode.commands.executeCommand(button.command);
  });
  return check;
}

export function registerCheckKey(services: Pick<Services, 'hub' | 'models'>): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.checkKey, () => checkKey(services));
}
