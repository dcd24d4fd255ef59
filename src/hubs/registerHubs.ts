// `aihub.selectHub`: choose the hub requests go to — a known hub, one kept in `aihub.hubs`, or any URL —
// and make it `aihub.baseUrl`. Keys are stored per hub, so switching hubs switches keys.
import * as vscode from 'vscode';
import { hubHost, parseHubUrl, type HubUrl } from '../core/hubs/hubUrl';
import { HUB_PRESETS, presetFor } from '../core/hubs/presets';
import { withSavedHub } from '../core/hubs/savedHubs';
import { Commands, Settings } from '../ids';
import type { Services } from '../services';
import type { KeyStore } from '../keys/keyStore';
import { pickHub } from './hubPicker';
import { registerSetHubHeader } from './setHubHeader';

export function registerHubs(services: Services): vscode.Disposable {
  return vscode.Disposable.from(registerSelectHub(services), registerSetHubHeader(services));
}

function registerSelectHub(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.selectHub, async (argument?: unknown) => {
    // A URL argument (automation, tests) skips the picker; it is checked like a typed one.
    const chosen = typeof argument === 'string' ? { input: argument, name: undefined } : await pickHub(services.config);
    if (!chosen) return undefined;
    const parsed = parseHubUrl(chosen.input);
    if (!parsed.ok) {
      void vscode.window.showErrorMessage(vscode.l10n.t('AI Hub: {0}', parsed.error));
      return undefined;
    }
    return useHub(services, parsed, chosen.name);
  });
}

/** Makes `hub` the active hub (after consent for plain http:// to another machine); resolves with its URL. */
async function useHub(services: Services, hub: HubUrl, name: string | undefined): Promise<string | undefined> {
  if (hub.insecure && !(await services.hub.httpConsent.ask(hub.origin))) return undefined;
  const config = vscode.workspace.getConfiguration(Settings.section);
  const { hubs, baseUrl: previous } = services.config.current;
  let saved = hubs;
  // Every hub used stays in the list until the user removes it: the one being left too (it may have been set by
  // hand in settings.json, or by the demo), so switching back is one pick.
  const left = parseHubUrl(previous);
  if (left.ok && !isPreset(left.url) && !saved.some((h) => h.baseUrl === left.url)) {
    saved = withSavedHub(saved, { name: left.host, baseUrl: left.url });
  }
  if (!isPreset(hub.url)) {
    saved = withSavedHub(saved, { name: name ?? saved.find((h) => h.baseUrl === hub.url)?.name ?? hub.host, baseUrl: hub.url });
  }
  if (saved !== hubs) await config.update(Settings.hubs, saved, vscode.ConfigurationTarget.Global);
  await config.update(Settings.baseUrl, hub.url, vscode.ConfigurationTarget.Global);
  services.log.info(`hub: now ${hub.url}${hub.notes.length ? ` (${hub.notes.join('; ')})` : ''}`);
  void announce(services.keys, hub);
  return hub.url;
}

function isPreset(url: string): boolean {
  return HUB_PRESETS.some((p) => p.baseUrl === url);
}

async function announce(keys: KeyStore, hub: HubUrl): Promise<void> {
  const understood = hub.notes.length ? ` (${hub.notes.join('; ')})` : '';
  if ((await keys.get(hub.url)) || hub.loopback) {
    void vscode.window.showInformationMessage(vscode.l10n.t('AI Hub: now using {0}{1}.', hub.url, understood));
    return;
  }
  const setKey = vscode.l10n.t('Set API Key');
  const console = presetFor(hub.url)?.consoleUrl;
  const getKey = vscode.l10n.t('Get a Key');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('AI Hub: now using {0}{1}. No API key is stored for {2} yet.', hub.url, understood, hubHost(hub.url)),
    setKey,
    ...(console ? [getKey] : []),
  );
  if (choice === setKey) await vscode.commands.executeCommand(Commands.setApiKey);
  if (choice === getKey && console) await vscode.env.openExternal(vscode.Uri.parse(console));
}
