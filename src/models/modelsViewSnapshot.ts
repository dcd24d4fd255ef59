// What the models view and the status bar show, as plain data: the integration tests read it through the
// internal command `aihub._modelsViewSnapshot`, since the extension host cannot see the rendered workbench.
import type * as vscode from 'vscode';
import type { Services } from '../services';
import type { ModelStatusBar, StatusBarSnapshot } from './modelStatusBar';
import type { KeyPresence } from '../keys/keyPresence';
import type { ModelsNode, ModelsTreeProvider } from './modelsTree';
import type { Favourites } from './favourites';
import { pickItems } from './modelPicker';

export interface TreeItemSnapshot {
  label: string;
  description?: string;
  contextValue?: string;
  command?: string;
  children?: TreeItemSnapshot[];
}

export interface ModelsViewSnapshot {
  hasKey: boolean | undefined;
  state: string;
  filter: string;
  title: { description?: string; message?: string };
  items: TreeItemSnapshot[];
  statusBar: StatusBarSnapshot;
  /** The model quick pick's rows (models only), as `aihub.selectModel` would list them now. */
  quickPick: { label: string; description?: string }[];
}

export function modelsViewSnapshot(
  tree: ModelsTreeProvider,
  view: vscode.TreeView<ModelsNode>,
  keys: KeyPresence,
  statusBar: ModelStatusBar,
  services: Services,
  favourites: Favourites,
): ModelsViewSnapshot {
  const describe = (node: ModelsNode): TreeItemSnapshot => {
    const item = tree.getTreeItem(node);
    const children = tree.children(node);
    return {
      label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
      description: typeof item.description === 'string' ? item.description : undefined,
      contextValue: item.contextValue,
      command: item.command?.command,
      children: children.length > 0 ? children.map(describe) : undefined,
    };
  };
  return {
    hasKey: keys.hasKey,
    state: services.models.state.status,
    filter: tree.filter,
    title: { description: view.description, message: view.message },
    items: tree.children().map(describe),
    statusBar: statusBar.snapshot,
    quickPick: pickItems(services.models.catalog, favourites.ids, services.config.current.defaultModel)
      .filter((i) => i.modelId)
      .map((i) => ({ label: i.label, description: i.description })),
  };
}
