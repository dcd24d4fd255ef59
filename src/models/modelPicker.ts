// `aihub.selectModel`: with a model id, makes it the default; without, a quick pick of every model
// (favourites first, searchable by id and provider) that also accepts an id the hub does not list.
// `pickModels` is the same list for choosing several at once (Compare): favourites, then recently used.
import * as vscode from 'vscode';
import { favouritesFirst, type ModelInfo } from '../core/models/catalog';
import { modelSummary } from '../core/models/format';
import { Settings } from '../ids';
import type { Services } from '../services';
import type { ConversationStore } from '../core/chat/conversationStore';
import type { Favourites } from './favourites';
import type { ModelsService } from './modelsService';

interface ModelPickItem extends vscode.QuickPickItem {
  modelId?: string;
}

export async function setDefaultModel(id: string): Promise<void> {
  await vscode.workspace.getConfiguration(Settings.section).update(Settings.defaultModel, id, vscode.ConfigurationTarget.Global);
}

/** Resolves with the chosen id, or undefined when the picker is dismissed. */
export async function pickModel(services: Services, favourites: Favourites): Promise<string | undefined> {
  const picker = vscode.window.createQuickPick<ModelPickItem>();
  picker.title = vscode.l10n.t('AI Hub: Select Model');
  picker.placeholder = vscode.l10n.t('Type to search by model id or provider; an id the hub does not list can be used from the last row');
  picker.matchOnDescription = true;
  const current = services.config.current.defaultModel;
  let listed: ModelPickItem[] = [];
  fill(picker, services, (catalog) => {
    listed = toItems(catalog, { favourites: favourites.ids, recent: [], current }, markFailure(services.models));
    picker.items = withTypedId(listed, picker.value);
    picker.activeItems = picker.items.filter((i) => i.modelId === current).slice(0, 1);
  });
  picker.onDidChangeValue((value) => (picker.items = withTypedId(listed, value)));
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

const RECENT_MODELS = 8;

/** The models of the most recent conversations, newest first (listed after the favourites in `pickModels`). */
export async function recentModels(conversations: ConversationStore): Promise<string[]> {
  const list = await conversations.list().catch(() => []);
  return [...new Set(list.map((s) => s.model))].slice(0, RECENT_MODELS);
}

export interface PickModelsOptions {
  title: string;
  min: number;
  max: number;
  /** Ticked when the picker opens. */
  preselected: readonly string[];
  /** Recently used model ids, most recent first: listed after the favourites. */
  recent: readonly string[];
}

/** Several models (between `min` and `max`); undefined when dismissed. */
export async function pickModels(services: Services, favourites: Favourites, options: PickModelsOptions): Promise<string[] | undefined> {
  const picker = vscode.window.createQuickPick<ModelPickItem>();
  picker.canSelectMany = true;
  picker.title = options.title;
  picker.matchOnDescription = true;
  const current = services.config.current.defaultModel;
  let chosen = new Set(options.preselected);
  let listed: ModelPickItem[] = [];
  const describe = () => {
    picker.placeholder =
      chosen.size < options.min || chosen.size > options.max
        ? vscode.l10n.t(
            'Tick {0} to {1} models ({2} ticked); type to search, or type an unlisted id',
            options.min,
            options.max,
            chosen.size,
          )
        : vscode.l10n.t('{0} — Enter to compare', [...chosen].join(', '));
  };
  const show = (items: ModelPickItem[]) => {
    // New items may come with a selection event of their own: the ticks are this picker's, put them back.
    const keep = chosen;
    picker.items = items;
    chosen = keep;
    picker.selectedItems = items.filter((i) => i.modelId && chosen.has(i.modelId));
    describe();
  };
  fill(picker, services, (catalog) => {
    listed = toItems(catalog, { favourites: favourites.ids, recent: options.recent, current }, markFailure(services.models));
    show(withTypedId(listed, picker.value));
  });
  describe();
  picker.onDidChangeSelection((items) => {
    chosen = new Set(items.map((i) => i.modelId).filter((id): id is string => !!id));
    describe();
  });
  picker.onDidChangeValue((value) => show(withTypedId(listed, value)));
  try {
    return await new Promise<string[] | undefined>((resolve) => {
      picker.onDidAccept(() => {
        if (chosen.size < options.min || chosen.size > options.max) return;
        resolve([...chosen]);
        picker.hide();
      });
      picker.onDidHide(() => resolve(undefined));
      picker.show();
    });
  } finally {
    picker.dispose();
  }
}

/** Shows the cached catalogue at once; when there is none yet, loads it with the picker busy. */
function fill(picker: vscode.QuickPick<ModelPickItem>, services: Services, show: (catalog: ModelInfo[]) => void): void {
  show(services.models.catalog);
  if (services.models.catalog.length > 0) return;
  picker.busy = true;
  services.models
    .getModels()
    .then(() => show(services.models.catalog))
    .catch((err: unknown) => {
      picker.placeholder = vscode.l10n.t(
        "Could not load the hub's models ({0}); type a model id",
        err instanceof Error ? err.message : String(err),
      );
    })
    .finally(() => (picker.busy = false));
}

/** The quick pick's rows for this catalogue (no recent list), for the models view snapshot. */
export function pickItems(catalog: ModelInfo[], favouriteIds: readonly string[], current: string): ModelPickItem[] {
  return toItems(catalog, { favourites: favouriteIds, recent: [], current }, () => '');
}

/** "⚠ no channel, 3 min ago" for a model that could not serve lately. */
function markFailure(models: ModelsService): (id: string) => string {
  return (id) => {
    const failure = models.failureOf(id);
    return failure ? `⚠ ${failure}` : '';
  };
}

function toItems(
  catalog: ModelInfo[],
  lists: { favourites: readonly string[]; recent: readonly string[]; current: string },
  failureOf: (id: string) => string,
): ModelPickItem[] {
  const favourites = new Set(lists.favourites);
  const recent = lists.recent.filter((id) => !favourites.has(id));
  const rank = (id: string) => (favourites.has(id) ? 0 : recent.includes(id) ? 1 : 2);
  // Favourites, then recently used, then the rest; each section in the catalogue's order.
  const ordered = favouritesFirst(catalog, [...lists.favourites, ...recent]).sort((a, b) => rank(a.id) - rank(b.id));
  const items: ModelPickItem[] = [];
  let section: string | undefined;
  for (const model of ordered) {
    const heading = [vscode.l10n.t('Favourites'), vscode.l10n.t('Recently used'), vscode.l10n.t('All models')][rank(model.id)];
    if (heading !== section) {
      items.push({ label: heading, kind: vscode.QuickPickItemKind.Separator });
      section = heading;
    }
    const summary = modelSummary(model);
    const { current } = lists;
    items.push({
      label: model.id,
      modelId: model.id,
      iconPath: new vscode.ThemeIcon(model.id === current ? 'pass-filled' : favourites.has(model.id) ? 'star-full' : 'blank'),
      description: [model.id === current ? 'current' : '', failureOf(model.id), model.provider, summary].filter(Boolean).join(' · '),
    });
  }
  return items;
}

/**
 * Hubs serve models they do not list (aliases, new releases): a typed id can still be used, from an explicit row
 * below the matches. The quick pick ranks rows whose label matches the text first and makes the first row the
 * one Enter takes, so that row's label never contains the typed text (it is in the description), and every model
 * matching the typed words (each word in the id or provider, as the Models view's filter does) stays shown.
 */
function withTypedId(items: ModelPickItem[], value: string): ModelPickItem[] {
  const typed = value.trim();
  if (!typed) return items;
  const words = typed.toLowerCase().split(/\s+/);
  const shown = items.map((i) =>
    i.modelId && words.every((w) => `${i.label} ${i.description ?? ''}`.toLowerCase().includes(w)) ? { ...i, alwaysShow: true } : i,
  );
  if (items.some((i) => i.modelId === typed)) return shown;
  return [
    ...shown,
    {
      label: vscode.l10n.t('Use as a model id'),
      description: vscode.l10n.t('"{0}": not in the hub\'s list', typed),
      modelId: typed,
      alwaysShow: true,
      iconPath: new vscode.ThemeIcon('edit'),
    },
  ];
}
