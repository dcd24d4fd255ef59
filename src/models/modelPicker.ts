// `aihub.selectModel`: with a model id, makes it the default; without, a quick pick of every model
// (favourites first, searchable by id and provider) that also accepts an id the hub does not list.
import * as vscode from 'vscode';
import { favouritesFirst, type ModelInfo } from '../core/models/catalog';
import { modelSummary } from '../core/models/format';
import { Settings } from '../ids';
import type { Services } from '../services';
import type { Favourites } from './favourites';

interface ModelPickItem extends vscode.QuickPickItem {
  modelId?: string;
}

export async function setDefaultModel(id: string): Promise<void> {
  await vscode.workspace.getConfiguration(Settings.section).update(Settings.defaultModel, id, vscode.ConfigurationTarget.Global);
}

/** Resolves with the chosen id, or undefined when the picker is dismissed. */
export async function pickModel(services: Services, favourites: Favourites): Promise<string | undefined> {
  const picker = vscode.window.createQuickPick<ModelPickItem>();
  picker.title = 'AI Hub: Select Model';
  picker.placeholder = 'Type to search by model id or provider; Enter on a typed id uses it as is';
  picker.matchOnDescription = true;
  const current = services.config.current.defaultModel;
  let listed: ModelPickItem[] = [];
  const show = (catalog: ModelInfo[]) => {
    listed = toItems(catalog, favourites.ids, current);
    picker.items = withTypedId(listed, picker.value);
    picker.activeItems = picker.items.filter((i) => i.modelId === current).slice(0, 1);
  };
  show(services.models.catalog);
  picker.onDidChangeValue((value) => (picker.items = withTypedId(listed, value)));
  if (listed.length === 0) {
    picker.busy = true;
    services.models
      .getModels()
      .then(() => show(services.models.catalog))
      .catch((err: unknown) => {
        picker.placeholder = `Could not load the hub's models (${err instanceof Error ? err.message : String(err)}); type a model id`;
      })
      .finally(() => (picker.busy = false));
  }
  try {
    return await new Promise<string | undefined>((resolve) => {
      picker.onDidAccept(() => {
        resolve(picker.selectedItems[0]?.modelId);
        picker.hide();
      });
      picker.onDidHide(() => resolve(undefined));
      picker.show();
    });
  } finally {
    picker.dispose();
  }
}

function toItems(catalog: ModelInfo[], favouriteIds: string[], current: string): ModelPickItem[] {
  const favourites = new Set(favouriteIds);
  const items: ModelPickItem[] = [];
  let section: string | undefined;
  for (const model of favouritesFirst(catalog, favouriteIds)) {
    const heading = favourites.has(model.id) ? 'Favourites' : 'All models';
    if (heading !== section) {
      items.push({ label: heading, kind: vscode.QuickPickItemKind.Separator });
      section = heading;
    }
    const summary = modelSummary(model);
    items.push({
      label: model.id,
      modelId: model.id,
      iconPath: new vscode.ThemeIcon(model.id === current ? 'pass-filled' : favourites.has(model.id) ? 'star-full' : 'blank'),
      description: [model.id === current ? 'current' : '', model.provider, summary].filter(Boolean).join(' · '),
    });
  }
  return items;
}

/**
 * Hubs serve models they do not list (aliases, new releases): a typed id that matches no listed model can still
 * be used. Offered only then, since the quick pick ranks an exact label match first and Enter would take it.
 */
function withTypedId(items: ModelPickItem[], value: string): ModelPickItem[] {
  const typed = value.trim();
  const needle = typed.toLowerCase();
  if (!typed || items.some((i) => i.modelId && `${i.label} ${i.description ?? ''}`.toLowerCase().includes(needle))) return items;
  return [
    ...items,
    { label: typed, modelId: typed, description: 'use this model id', alwaysShow: true, iconPath: new vscode.ThemeIcon('edit') },
  ];
}
