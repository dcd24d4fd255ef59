// `aihub.setHubHeader`: the active hub's extra request headers and the header its key goes in, edited in a list.
// A secret value goes to secret storage and settings.json gets "${secret}" in its place; plain values (a provider
// name, an app title) stay in settings where they can be read and copied.
import * as vscode from 'vscode';
import {
  DEFAULT_AUTH_HEADER,
  headerNameProblem,
  headerValueProblem,
  keyHeaders,
  knownHeaders,
  looksSecret,
  maskedValue,
  SECRET_PLACEHOLDER,
  withHeader,
  type HeaderSpec,
} from '../core/hubs/hubHeaders';
import { hubHost } from '../core/hubs/hubUrl';
import { patchSavedHub, savedHubFor } from '../core/hubs/savedHubs';
import { Commands, Settings } from '../ids';
import type { Services } from '../services';

/** What automation passes: a header to set (`value`) or remove (no `value`), or the header the key goes in. */
type Argument = { name: string; value?: string; secret?: boolean } | { authHeader: string };

interface Item extends vscode.QuickPickItem {
  action: 'edit' | 'add' | 'authHeader' | 'settings';
  header?: HeaderSpec;
}

const REMOVE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('trash'), tooltip: vscode.l10n.t('Remove this header') };

export function registerSetHubHeader(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.setHubHeader, async (argument?: unknown) => {
    if (argument !== undefined) return applyArgument(services, argument);
    await editHeaders(services);
    return true;
  });
}

async function applyArgument(services: Services, argument: unknown): Promise<boolean> {
  const arg = argument as Partial<Argument> | null;
  if (arg && typeof arg === 'object' && 'authHeader' in arg && typeof arg.authHeader === 'string') {
    const problem = headerNameProblem(arg.authHeader, '');
    if (problem) throw new Error(problem);
    await setAuthHeader(services, arg.authHeader);
    return true;
  }
  if (!arg || typeof arg !== 'object' || !('name' in arg) || typeof arg.name !== 'string') {
    throw new Error('aihub.setHubHeader takes { name, value?, secret? } or { authHeader }.');
  }
  const problem = headerNameProblem(arg.name, services.hub.headerConfig.authHeader);
  if (problem) throw new Error(problem);
  if (typeof arg.value !== 'string') await removeHeader(services, arg.name);
  else {
    const valueProblem = headerValueProblem(arg.value);
    if (valueProblem) throw new Error(valueProblem);
    await setHeader(services, arg.name, arg.value, arg.secret ?? looksSecret(arg.name));
  }
  return true;
}

async function editHeaders(services: Services): Promise<void> {
  const picker = vscode.window.createQuickPick<Item>();
  picker.title = vscode.l10n.t('AI Hub: Headers for {0}', hubHost(services.hub.baseUrl));
  picker.placeholder = vscode.l10n.t('Extra headers sent with every request to this hub (and to no other server)');
  const refresh = async () => (picker.items = await items(services));
  await refresh();
  const choice = await new Promise<Item | undefined>((resolve) => {
    picker.onDidAccept(() => {
      resolve(picker.selectedItems[0]);
      picker.hide();
    });
    picker.onDidTriggerItemButton(async ({ item }) => {
      if (!item.header) return;
      await removeHeader(services, item.header.name);
      await refresh();
    });
    picker.onDidHide(() => resolve(undefined));
    picker.show();
  });
  picker.dispose();
  if (!choice) return;
  if (choice.action === 'settings') {
    await vscode.commands.executeCommand('workbench.action.openSettingsJson');
    return;
  }
  if (choice.action === 'authHeader') {
    const name = await pickAuthHeader(services.hub.headerConfig.authHeader);
    if (name) await setAuthHeader(services, name);
    return;
  }
  const name = choice.header?.name ?? (await pickHeaderName(services));
  if (!name) return;
  const entered = await askForValue(name, choice.header);
  if (entered) await setHeader(services, name, entered.value, entered.secret);
}

async function items(services: Services): Promise<Item[]> {
  const config = services.hub.headerConfig;
  const headers = await Promise.all(
    config.headers.map(async (header): Promise<Item> => {
      const stored = header.secret ? await services.keys.getHeader(services.hub.baseUrl, header.name.toLowerCase()) : undefined;
      return {
        action: 'edit',
        header,
        label: `${header.secret ? '$(lock)' : '$(symbol-field)'} ${header.name}`,
        description: maskedValue(header, stored),
        detail: header.secret
          ? vscode.l10n.t('Secret: in secret storage, "${secret}" in settings.json')
          : vscode.l10n.t('In settings.json (aihub.hubs)'),
        buttons: [REMOVE],
      };
    }),
  );
  const keyIn = keyHeaders().find((k) => k.name === config.authHeader)?.hint ?? `${config.authHeader}: <key>`;
  return [
    ...headers,
    ...config.problems.map((problem): Item => ({ action: 'settings', label: vscode.l10n.t('$(warning) Left out'), detail: problem })),
    {
      action: 'add',
      label: vscode.l10n.t('$(add) Add Header…'),
      detail: vscode.l10n.t('Portkey, Helicone, Cloudflare AI Gateway, OpenRouter attribution, or any name'),
    },
    { action: 'authHeader', label: vscode.l10n.t('$(key) API key goes in…'), description: keyIn },
  ];
}

/** Known gateway headers to pick from; whatever is typed can be used as the name too. */
async function pickHeaderName(services: Services): Promise<string | undefined> {
  const picker = vscode.window.createQuickPick<vscode.QuickPickItem>();
  picker.title = vscode.l10n.t('AI Hub: Add Header');
  picker.placeholder = vscode.l10n.t('Type a header name, or pick one a gateway documents');
  const known = knownHeaders().map((h) => ({ label: h.name, description: h.gateway, detail: h.hint }));
  const authHeader = services.hub.headerConfig.authHeader;
  picker.items = known;
  picker.onDidChangeValue((value) => {
    const typed = value.trim();
    const exact = known.some((k) => k.label.toLowerCase() === typed.toLowerCase());
    const problem = typed ? headerNameProblem(typed, authHeader) : undefined;
    picker.items =
      typed && !exact ? [{ label: typed, description: problem ? `$(error) ${problem}` : vscode.l10n.t('Use this name') }, ...known] : known;
  });
  const name = await new Promise<string | undefined>((resolve) => {
    picker.onDidAccept(() => {
      const picked = picker.selectedItems[0]?.label;
      // A name that cannot be sent stays in the box, its reason shown beside it.
      if (!picked || headerNameProblem(picked, authHeader)) return;
      resolve(picked);
      picker.hide();
    });
    picker.onDidHide(() => resolve(undefined));
    picker.show();
  });
  picker.dispose();
  return name;
}

/** The value, in a box whose lock button switches between secret storage and settings.json. */
async function askForValue(name: string, existing: HeaderSpec | undefined): Promise<{ value: string; secret: boolean } | undefined> {
  const box = vscode.window.createInputBox();
  const known = knownHeaders().find((h) => h.name.toLowerCase() === name.toLowerCase());
  let secret = existing?.secret ?? looksSecret(name);
  const render = () => {
    box.title = vscode.l10n.t('AI Hub: {0}', name);
    box.password = secret;
    box.prompt = secret
      ? vscode.l10n.t(
          'Stored in VS Code\'s secret storage, sent only to this hub; settings.json shows "{0}". The lock switches to a plain setting.',
          SECRET_PLACEHOLDER,
        )
      : vscode.l10n.t('Stored in settings.json (aihub.hubs). For a key or token, press the lock to keep it in secret storage instead.');
    box.buttons = [
      {
        iconPath: new vscode.ThemeIcon(secret ? 'lock' : 'unlock'),
        tooltip: secret
          ? vscode.l10n.t('Secret: click to store in settings.json instead')
          : vscode.l10n.t('Plain: click to store as a secret'),
      },
    ];
  };
  box.placeholder = known?.example ?? known?.hint ?? vscode.l10n.t('The value');
  if (existing && !existing.secret) box.value = existing.value;
  box.ignoreFocusOut = true;
  render();
  const result = await new Promise<{ value: string; secret: boolean } | undefined>((resolve) => {
    box.onDidTriggerButton(() => {
      secret = !secret;
      render();
    });
    box.onDidChangeValue((value) => (box.validationMessage = headerValueProblem(value)));
    box.onDidAccept(() => {
      const value = box.value.trim();
      if (!value) {
        box.validationMessage = vscode.l10n.t('Enter a value, or remove the header from the list with its bin button.');
        return;
      }
      if (headerValueProblem(value)) return;
      resolve({ value, secret });
      box.hide();
    });
    box.onDidHide(() => resolve(undefined));
    box.show();
  });
  box.dispose();
  return result;
}

async function pickAuthHeader(current: string): Promise<string | undefined> {
  const other = `$(edit) ${vscode.l10n.t('Another header…')}`;
  const picked = await vscode.window.showQuickPick(
    [
      ...keyHeaders().map((k) => ({ label: k.name === current ? `$(check) ${k.name}` : k.name, name: k.name, detail: k.hint })),
      { label: other, name: '', detail: vscode.l10n.t('The key is sent as it is, without "Bearer "') },
    ],
    { title: vscode.l10n.t('AI Hub: The Header Your API Key Goes In'), placeHolder: vscode.l10n.t('Now: {0}', current) },
  );
  if (!picked) return undefined;
  if (picked.name) return picked.name;
  return vscode.window.showInputBox({
    title: vscode.l10n.t('AI Hub: Key Header'),
    prompt: vscode.l10n.t('The header name; the key is sent in it as it is.'),
    placeHolder: 'x-api-key',
    validateInput: (value) => headerNameProblem(value, ''),
  });
}

async function setHeader(services: Services, name: string, value: string, secret: boolean): Promise<void> {
  const baseUrl = services.hub.baseUrl;
  // The secret first: a setting that says "${secret}" before the value is there would fail a request meanwhile.
  if (secret) await services.keys.setHeader(baseUrl, name, value);
  else await services.keys.deleteHeader(baseUrl, name);
  await patchActiveHub(services, (entry) => ({ ...entry, headers: withHeader(entry.headers, name, secret ? SECRET_PLACEHOLDER : value) }));
  services.log.info(`hub headers: ${name} set for ${hubHost(baseUrl)}${secret ? ' (secret)' : ''}`);
}

async function removeHeader(services: Services, name: string): Promise<void> {
  const baseUrl = services.hub.baseUrl;
  await patchActiveHub(services, (entry) => ({ ...entry, headers: withHeader(entry.headers, name, undefined) }));
  await services.keys.deleteHeader(baseUrl, name);
  services.log.info(`hub headers: ${name} removed for ${hubHost(baseUrl)}`);
}

async function setAuthHeader(services: Services, name: string): Promise<void> {
  const lower = name.trim().toLowerCase();
  await patchActiveHub(services, (entry) => ({ ...entry, authHeader: lower === DEFAULT_AUTH_HEADER ? undefined : lower }));
  services.log.info(`hub headers: the key for ${hubHost(services.hub.baseUrl)} now goes in ${lower}`);
}

/** Changes the active hub's `aihub.hubs` entry (adding it when the hub is not kept yet), in user settings only. */
async function patchActiveHub(services: Services, patch: (entry: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  const baseUrl = services.hub.baseUrl;
  const config = vscode.workspace.getConfiguration(Settings.section);
  const raw = config.inspect<unknown>(Settings.hubs)?.globalValue;
  const name = savedHubFor(services.config.current.hubs, baseUrl)?.name ?? hubHost(baseUrl);
  const hubs = patchSavedHub(raw, { name, baseUrl }, (entry) => dropUndefined(patch(entry)));
  await config.update(Settings.hubs, hubs, vscode.ConfigurationTarget.Global);
}

function dropUndefined(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
}
