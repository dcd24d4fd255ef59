// The quick pick behind `aihub.selectHub`: the known hubs, the ones the user kept, and "Custom URL…" with an
// input box that shows, as the user types, the address that will be used or why it cannot be.
import * as vscode from 'vscode';
import { hubHost, parseHubUrl } from '../core/hubs/hubUrl';
import { HUB_PRESETS } from '../core/hubs/presets';
import type { SavedHub } from '../core/hubs/savedHubs';
import { Settings } from '../ids';
import type { ConfigStore } from '../config/configuration';

export interface ChosenHub {
  /** The URL as chosen or typed, before normalisation. */
  input: string;
  name?: string;
}

interface HubItem extends vscode.QuickPickItem {
  hub?: { name: string; baseUrl: string; saved: boolean };
  custom?: true;
}

const REMOVE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('trash'), tooltip: vscode.l10n.t('Remove from the list') };

export async function pickHub(config: ConfigStore): Promise<ChosenHub | undefined> {
  const picker = vscode.window.createQuickPick<HubItem>();
  picker.title = vscode.l10n.t('AI Hub: Choose Hub');
  picker.placeholder = vscode.l10n.t('The hub your requests (and your key) go to');
  picker.matchOnDescription = true;
  const refresh = () => {
    picker.items = items(config.current.baseUrl, config.current.hubs);
    picker.activeItems = picker.items.filter((i) => i.hub?.baseUrl === config.current.baseUrl).slice(0, 1);
  };
  refresh();
  const choice = await new Promise<HubItem | undefined>((resolve) => {
    picker.onDidAccept(() => {
      resolve(picker.selectedItems[0]);
      picker.hide();
    });
    picker.onDidTriggerItemButton(async ({ item }) => {
      if (!item.hub?.saved) return;
      const kept = config.current.hubs.filter((h) => h.baseUrl !== item.hub?.baseUrl);
      await vscode.workspace.getConfiguration(Settings.section).update(Settings.hubs, kept, vscode.ConfigurationTarget.Global);
      refresh();
    });
    picker.onDidHide(() => resolve(undefined));
    picker.show();
  });
  picker.dispose();
  if (!choice) return undefined;
  if (choice.hub) return { input: choice.hub.baseUrl, name: choice.hub.name };
  const typed = await askForUrl();
  return typed === undefined ? undefined : { input: typed };
}

function items(current: string, saved: readonly SavedHub[]): HubItem[] {
  const mark = (url: string) => (url === current ? '$(check) ' : '');
  const presets: HubItem[] = HUB_PRESETS.map((p) => ({
    label: `${mark(p.baseUrl)}${p.name}`,
    description: p.baseUrl,
    detail: p.detail(),
    hub: { name: p.name, baseUrl: p.baseUrl, saved: false },
  }));
  const own: HubItem[] = saved
    .filter((h) => !HUB_PRESETS.some((p) => p.baseUrl === h.baseUrl))
    .map((h) => ({ label: `${mark(h.baseUrl)}${h.name}`, description: h.baseUrl, hub: { ...h, saved: true }, buttons: [REMOVE] }));
  // The active hub may be set by hand in settings.json and be in neither list.
  const listed = [...presets, ...own].some((i) => i.hub?.baseUrl === current);
  const host = hubHost(current);
  const unlisted: HubItem[] =
    listed || !parseHubUrl(current).ok
      ? []
      : [{ label: `$(check) ${host}`, description: current, hub: { name: host, baseUrl: current, saved: false } }];
  return [
    { label: vscode.l10n.t('Known hubs'), kind: vscode.QuickPickItemKind.Separator },
    ...presets,
    ...(own.length || unlisted.length
      ? [{ label: vscode.l10n.t('Your hubs'), kind: vscode.QuickPickItemKind.Separator }, ...unlisted, ...own]
      : []),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    {
      label: vscode.l10n.t('$(edit) Custom URL…'),
      detail: vscode.l10n.t('Any OpenAI-compatible hub: a company gateway, OpenRouter, Ollama or LiteLLM on this machine…'),
      custom: true,
    },
  ];
}

function askForUrl(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('AI Hub: Custom Hub URL'),
    prompt: vscode.l10n.t("The hub's OpenAI-compatible API address. With or without /v1; a pasted …/chat/completions is fine too."),
    placeHolder: vscode.l10n.t('https://gateway.example.com/v1   or   localhost:11434'),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const parsed = parseHubUrl(value);
      if (!parsed.ok) return value.trim() ? parsed.error : undefined;
      const understood = parsed.notes.length ? ` (${parsed.notes.join('; ')})` : '';
      if (parsed.insecure) {
        return {
          message: vscode.l10n.t(
            'Will use {0}{1}. Plain http:// to another machine: you will be asked to confirm.',
            parsed.url,
            understood,
          ),
          severity: vscode.InputBoxValidationSeverity.Warning,
        };
      }
      return { message: vscode.l10n.t('Will use {0}{1}', parsed.url, understood), severity: vscode.InputBoxValidationSeverity.Info };
    },
  });
}
