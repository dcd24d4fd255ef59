// The `aihub.models` tree: providers with counts, a Favourites group on top, the default model marked, and
// the view's states (no key → welcome content, loading → progress, error → an item that says what to do).
import * as vscode from 'vscode';
import { HUB_ADDRESS_ERRORS } from '../core/hub/errors';
import { groupModels, type ModelGroup, type ModelInfo } from '../core/models/catalog';
import { modelDetails, modelSummary } from '../core/models/format';
import { Commands } from '../ids';
import type { Services } from '../services';
import type { Favourites } from './favourites';
import type { KeyPresence } from '../keys/keyPresence';

export type ModelsNode =
  | { kind: 'group'; group: ModelGroup }
  | { kind: 'model'; model: ModelInfo; groupLabel: string }
  | { kind: 'message'; id: string; label: string; icon: string; tooltip?: string; command?: vscode.Command };

export class ModelsTreeProvider implements vscode.TreeDataProvider<ModelsNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private filterText = '';
  /** Part of group ids: a new filter yields new ids, so VS Code applies the expanded state a filter wants. */
  private filterEpoch = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly services: Services,
    private readonly favourites: Favourites,
    private readonly keys: KeyPresence,
  ) {
    const refresh = () => this.emitter.fire();
    this.subscriptions = [
      services.models.onDidChange(refresh),
      favourites.onDidChange(refresh),
      keys.onDidChange(refresh),
      services.config.onDidChange(refresh),
    ];
  }

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    const next = text.trim();
    if (next === this.filterText) return;
    this.filterText = next;
    this.filterEpoch++;
    this.emitter.fire();
  }

  /** The groups on screen for the current list, filter and favourites. */
  groups(): ModelGroup[] {
    return groupModels(this.services.models.catalog, { filter: this.filterText, favourites: this.favourites.ids });
  }

  getChildren(node?: ModelsNode): ModelsNode[] | Promise<ModelsNode[]> {
    // At startup the view asks before the cached list's catalogue is built: it waits for the slices instead of
    // building it in one piece (over 100 ms for a big hub, the extension host blocked all along).
    const building = node ? undefined : this.services.models.whenCatalogBuilt();
    return building ? building.then(() => this.children()) : this.children(node);
  }

  /** The nodes under `node` (the roots without one), built now. */
  children(node?: ModelsNode): ModelsNode[] {
    if (node?.kind === 'group') return node.group.models.map((model) => ({ kind: 'model', model, groupLabel: node.group.label }));
    if (node) return [];
    // No children lets the view show its welcome content (package.json viewsWelcome, when !aihub.hasKey).
    if (this.keys.hasKey === false) return [];
    const roots: ModelsNode[] = [...this.stateMessages()];
    const catalog = this.services.models.catalog;
    const state = this.services.models.state;
    if (catalog.length === 0) {
      if (state.status === 'ready')
        roots.push({
          kind: 'message',
          id: 'empty',
          label: vscode.l10n.t('The hub lists no models'),
          icon: 'info',
          command: { title: vscode.l10n.t('Refresh'), command: Commands.refreshModels },
        });
      return roots;
    }
    const groups = this.groups();
    if (groups.length === 0) {
      roots.push({
        kind: 'message',
        id: 'noMatch',
        label: vscode.l10n.t('No model matches "{0}": click to clear the filter', this.filterText),
        icon: 'filter',
        command: { title: vscode.l10n.t('Clear Filter'), command: Commands.clearModelFilter },
      });
    }
    return [...roots, ...groups.map((group): ModelsNode => ({ kind: 'group', group }))];
  }

  private stateMessages(): ModelsNode[] {
    const state = this.services.models.state;
    if (state.status === 'noKey') {
      return [
        {
          kind: 'message',
          id: 'noKey',
          label: vscode.l10n.t('No API key for this hub: click to set one'),
          icon: 'key',
          command: { title: vscode.l10n.t('Set API Key'), command: Commands.setApiKey },
        },
      ];
    }
    if (state.status !== 'error') return [];
    const retry: ModelsNode = {
      kind: 'message',
      id: 'error',
      label: vscode.l10n.t('Could not load models: {0}', state.message),
      icon: 'error',
      tooltip: vscode.l10n.t('{0}\n\nClick to retry.', state.message),
      command: { title: vscode.l10n.t('Retry'), command: Commands.refreshModels },
    };
    if (state.kind === 'auth' || state.kind === 'forbidden') {
      return [
        retry,
        {
          kind: 'message',
          id: 'setKey',
          label: vscode.l10n.t('Set a different API key…'),
          icon: 'key',
          command: { title: vscode.l10n.t('Set API Key'), command: Commands.setApiKey },
        },
      ];
    }
    const chooseHub: ModelsNode[] = HUB_ADDRESS_ERRORS.has(state.kind ?? '')
      ? [
          {
            kind: 'message',
            id: 'chooseHub',
            label: vscode.l10n.t('Choose Hub…'),
            icon: 'server',
            command: { title: vscode.l10n.t('Choose Hub'), command: Commands.selectHub },
          },
        ]
      : [];
    return [
      retry,
      {
        kind: 'message',
        id: 'retry',
        label: vscode.l10n.t('Retry'),
        icon: 'refresh',
        command: { title: vscode.l10n.t('Retry'), command: Commands.refreshModels },
      },
      ...chooseHub,
    ];
  }

  getTreeItem(node: ModelsNode): vscode.TreeItem {
    if (node.kind === 'message') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.id = `message:${node.id}`;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.tooltip = node.tooltip ?? node.label;
      item.command = node.command;
      item.contextValue = `aihub.message.${node.id}`;
      return item;
    }
    if (node.kind === 'group') return this.groupItem(node.group);
    return this.modelItem(node.model, node.groupLabel);
  }

  private groupItem(group: ModelGroup): vscode.TreeItem {
    const expanded = group.kind === 'favourites' || this.filterText !== '';
    const item = new vscode.TreeItem(
      group.label,
      expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = `group:${this.filterEpoch}:${group.label}`;
    item.description = String(group.models.length);
    item.tooltip =
      group.models.length === 1
        ? vscode.l10n.t('{0}: 1 model', group.label)
        : vscode.l10n.t('{0}: {1} models', group.label, group.models.length);
    item.iconPath = new vscode.ThemeIcon(group.kind === 'favourites' ? 'star-full' : 'organization');
    item.contextValue = `aihub.modelGroup.${group.kind}`;
    return item;
  }

  private modelItem(model: ModelInfo, groupLabel: string): vscode.TreeItem {
    const isDefault = model.id === this.services.config.current.defaultModel;
    const pinned = this.favourites.has(model.id);
    const item = new vscode.TreeItem(model.id, vscode.TreeItemCollapsibleState.None);
    item.id = `model:${groupLabel}:${model.id}`;
    const summary = modelSummary(model);
    const failure = this.services.models.failureOf(model.id);
    item.description = [isDefault ? 'default' : '', failure ? `⚠ ${failure}` : '', summary].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(isDefault ? 'pass-filled' : pinned ? 'star-full' : 'symbol-misc');
    item.contextValue = `aihub.model${pinned ? '.pinned' : '.unpinned'}${isDefault ? '.default' : ''}`;
    item.accessibilityInformation = {
      label: `${model.id}${isDefault ? ', default model' : ''}${failure ? `, failed: ${failure}` : ''}${summary ? `, ${summary}` : ''}`,
    };
    return item;
  }

  /** Tooltips are built on hover only: a provider group can hold hundreds of models. */
  resolveTreeItem(item: vscode.TreeItem, node: ModelsNode): vscode.TreeItem {
    if (node.kind !== 'model') return item;
    const { model } = node;
    const tooltip = new vscode.MarkdownString();
    const isDefault = model.id === this.services.config.current.defaultModel;
    tooltip
      .appendMarkdown('**')
      .appendText(model.id)
      .appendMarkdown(`**${isDefault ? ' (default model)' : ''}\n\n`);
    for (const line of modelDetails(model)) tooltip.appendText(line).appendMarkdown('  \n');
    item.tooltip = tooltip;
    return item;
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.emitter.dispose();
  }
}
