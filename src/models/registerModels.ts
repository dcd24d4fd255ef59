// The models feature: the `aihub.models` tree, the model picker, the status bar item and their commands.
import * as vscode from 'vscode';
import { Commands, ContextKeys, Views } from '../ids';
import type { Services } from '../services';
import { ModelStatusBar } from './modelStatusBar';
import { Favourites } from './favourites';
import { KeyPresence } from '../keys/keyPresence';
import { registerFilterModels } from './filterModels';
import { registerModelCommands } from './modelCommands';
import { ModelsTreeProvider } from './modelsTree';
import { modelsViewSnapshot } from './modelsViewSnapshot';
import { registerSelectModel } from './selectModel';

export function registerModels(services: Services): vscode.Disposable {
  const keys = new KeyPresence(services);
  const favourites = new Favourites(services.context.globalState);
  const tree = new ModelsTreeProvider(services, favourites, keys);
  const view = vscode.window.createTreeView(Views.models, { treeDataProvider: tree, showCollapseAll: true });
  const statusBar = new ModelStatusBar(services, keys);

  const updateTitle = () => {
    // The list's length is the catalogue's, without building it (at activation it is built in slices later).
    const total = services.models.cached.length;
    if (!tree.filter) {
      view.description = total > 0 ? vscode.l10n.t('{0} models', total) : undefined;
      // The first fetch on a fresh profile has no cached list to show meanwhile.
      view.message = total === 0 && services.models.state.status === 'loading' ? vscode.l10n.t("Loading the hub's models…") : undefined;
      return;
    }
    const shown = tree.groups().reduce((n, g) => n + (g.kind === 'provider' ? g.models.length : 0), 0);
    view.description = vscode.l10n.t('filter: {0}', tree.filter);
    view.message = vscode.l10n.t('Showing {0} of {1} models matching "{2}".', shown, total, tree.filter);
  };
  const setFilter = (text: string) => {
    tree.setFilter(text);
    void vscode.commands.executeCommand('setContext', ContextKeys.modelFilterActive, tree.filter !== '');
    updateTitle();
  };

  // The list fetch in flight (a refresh from anywhere) shows as the view's progress bar.
  let progressShownFor: Promise<unknown> | undefined;
  const showProgress = () => {
    const pending = services.models.pending;
    if (!pending || pending === progressShownFor) return;
    progressShownFor = pending;
    void vscode.window.withProgress({ location: { viewId: Views.models } }, () => pending.catch(() => undefined));
  };

  const refresh = async (): Promise<number> => {
    try {
      return (await services.models.refresh()).length;
    } catch (err) {
      // The view shows the error with a retry item; a command run from the palette also deserves an answer.
      if (!view.visible)
        void vscode.window.showWarningMessage(
          vscode.l10n.t('AI Hub: could not load models: {0}', err instanceof Error ? err.message : String(err)),
        );
      return 0;
    }
  };

  const disposables: vscode.Disposable[] = [
    keys,
    favourites,
    tree,
    view,
    statusBar,
    services.models.onDidChange(() => {
      showProgress();
      updateTitle();
    }),
    vscode.commands.registerCommand(Commands.refreshModels, refresh),
    registerSelectModel(services, favourites),
    registerFilterModels(() => tree.filter, setFilter),
    registerModelCommands(favourites),
    vscode.commands.registerCommand(Commands.modelsViewSnapshot, () =>
      modelsViewSnapshot(tree, view, keys, statusBar, services, favourites),
    ),
  ];

  // Show the cached list at once, and fetch a fresh one in the background once the key store has answered.
  updateTitle();
  void keys.ready().then(() => {
    if (keys.hasKey) void services.models.refresh().catch(() => undefined);
  });
  return vscode.Disposable.from(...disposables);
}
