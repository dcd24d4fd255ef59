// `aihub.filterModels` and `aihub.clearModelFilter`: narrow the models tree as the user types.
import * as vscode from 'vscode';
import { Commands } from '../ids';

export function registerFilterModels(filter: () => string, setFilter: (text: string) => void): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.filterModels, async (argument?: unknown) => {
      if (typeof argument === 'string') return setFilter(argument);
      await askForFilter(filter(), setFilter);
    }),
    vscode.commands.registerCommand(Commands.clearModelFilter, () => setFilter('')),
  );
}

/** Filters live as the user types; Escape puts the previous filter back. */
function askForFilter(previous: string, setFilter: (text: string) => void): Promise<void> {
  const input = vscode.window.createInputBox();
  input.title = vscode.l10n.t('AI Hub: Filter Models');
  input.prompt = vscode.l10n.t('Words to find in the model id or provider name (e.g. "claude", "openai mini"). Empty clears the filter.');
  input.value = previous;
  let accepted = false;
  input.onDidChangeValue(setFilter);
  return new Promise<void>((resolve) => {
    input.onDidAccept(() => {
      accepted = true;
      input.hide();
    });
    input.onDidHide(() => {
      if (!accepted) setFilter(previous);
      input.dispose();
      resolve();
    });
    input.show();
  });
}
