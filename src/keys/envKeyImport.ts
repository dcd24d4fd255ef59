// The AIHUB_API_KEY fallback: when the extension host's environment has a key and none is stored for the hub,
// offer once per session to import it into SecretStorage. The variable is never read per request: a key sent
// without the user having chosen it would be a surprise, and an environment is easy to leak into.
import * as vscode from 'vscode';
import { hubHost } from '../core/hubs/hubUrl';
import type { Services } from '../services';
import { checkKeyAndReport } from './checkKey';

export const ENV_KEY_VARIABLE = 'AIHUB_API_KEY';

export function registerEnvKeyOffer(
  services: Pick<Services, 'hub' | 'keys' | 'log' | 'models'>,
  env: NodeJS.ProcessEnv = process.env,
): vscode.Disposable {
  let offered = false;
  const maybeOffer = async () => {
    if (offered || !env[ENV_KEY_VARIABLE]?.trim()) return;
    const baseUrl = services.hub.baseUrl;
    if (await services.keys.get(baseUrl)) return;
    offered = true;
    const host = hubHost(baseUrl);
    const importIt = vscode.l10n.t('Import');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t(
        "AI Hub: {0} is set in VS Code's environment. Import it into VS Code's secret storage as the key for {1}?",
        ENV_KEY_VARIABLE,
        host,
      ),
      importIt,
      vscode.l10n.t('Not now'),
    );
    // Read at the user's word, and for the hub the question named (it may have changed meanwhile).
    const key = env[ENV_KEY_VARIABLE]?.trim();
    if (choice !== importIt || !key) return;
    // As when a key is typed: a plain-HTTP hub on another machine is confirmed before the key is first sent.
    const allowed = await services.hub.httpConsent.allowFor(baseUrl);
    await services.keys.set(baseUrl, key);
    services.log.info(`key: imported from ${ENV_KEY_VARIABLE} for ${host}`);
    if (allowed && services.hub.baseUrl === baseUrl) await checkKeyAndReport(services);
  };
  const run = () =>
    void maybeOffer().catch((err: unknown) => services.log.warn(`key: could not offer the ${ENV_KEY_VARIABLE} key: ${String(err)}`));
  run();
  return services.hub.onDidChangeHub(run);
}
