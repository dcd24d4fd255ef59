// `aihub.setApiKey`: asks for the key (or takes it as an argument, for automation), stores it in SecretStorage
// for the current hub, then checks it against the hub's model list and says what the hub answered.
import * as vscode from 'vscode';
import { hubHost } from '../core/hubs/hubUrl';
import { keyFormatWarnings } from '../core/hubs/keyFormat';
import { presetFor } from '../core/hubs/presets';
import { Commands } from '../ids';
import type { Services } from '../services';
import { checkKeyAndReport } from './checkKey';

export function registerSetApiKey(services: Pick<Services, 'hub' | 'keys' | 'log' | 'models'>): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.setApiKey, async (argument?: unknown) => {
    const baseUrl = services.hub.baseUrl;
    const key = typeof argument === 'string' ? argument : await askForKey(baseUrl);
    const trimmed = key?.trim();
    if (!trimmed) return false;
    // An automated caller passing the key wants it stored, not a dialog or a notification to dismiss.
    const interactive = typeof argument !== 'string';
    // Requests over plain http:// to another machine are refused until confirmed: ask before the key is stored,
    // so the refresh that a new key starts can already succeed. A "no" still keeps the key the user typed.
    const allowed = !interactive || (await services.hub.httpConsent.allowFor(baseUrl));
    await services.keys.set(baseUrl, trimmed);
    services.log.info(`key: stored for ${hubHost(baseUrl)}`);
    if (interactive && allowed) await checkKeyAndReport(services);
    return true;
  });
}

function askForKey(baseUrl: string): Thenable<string | undefined> {
  const preset = presetFor(baseUrl);
  return vscode.window.showInputBox({
    title: vscode.l10n.t('AI Hub: Set API Key for {0}', preset?.name ?? hubHost(baseUrl)),
    prompt: vscode.l10n.t("API key for {0}. It is kept in VS Code's secret storage, never in settings.", hubHost(baseUrl)),
    placeHolder: preset?.keyPrefix ? `${preset.keyPrefix}…` : vscode.l10n.t('Paste the key from your hub dashboard'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (!value.trim()) return vscode.l10n.t('Paste the key from your hub dashboard.');
      const warnings = keyFormatWarnings(value, preset);
      // A warning, not an error: Enter still stores the key (hubs change formats; gateways have their own).
      return warnings.length
        ? {
            message: vscode.l10n.t('{0} Press Enter to use it anyway.', warnings.join(' ')),
            severity: vscode.InputBoxValidationSeverity.Warning,
          }
        : undefined;
    },
  });
}
