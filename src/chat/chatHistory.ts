// The conversation history as a native quick pick, opened from the history index (not by reading every file):
// pinned conversations first, then the newest; each row shows its model and date. Typing searches titles,
// models and the text of the conversations (their first characters, kept in the index), every word anywhere,
// with the matching words shown. Enter switches; per-row buttons pin, rename, export or delete (keyboard-
// reachable like any quick pick button). Files changed meanwhile (another window) are picked up as it opens.
import * as vscode from 'vscode';
import { entryOf, searchHistory, type HistoryEntry, type HistoryMatch } from '../core/chat/historyIndex';
import type { ChatController } from './chatController';
import { exportConversation } from './exportConversation';

interface HistoryItem extends vscode.QuickPickItem {
  id: string;
  pinned: boolean;
}

const PIN: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('pin'), tooltip: vscode.l10n.t('Pin to the Top') };
const UNPIN: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('pinned'), tooltip: vscode.l10n.t('Unpin') };
const RENAME: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('edit'), tooltip: vscode.l10n.t('Rename') };
const EXPORT: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('export'), tooltip: vscode.l10n.t('Export to Markdown') };
const DELETE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('trash'), tooltip: vscode.l10n.t('Delete') };

export async function showHistory(controller: ChatController): Promise<void> {
  const picker = vscode.window.createQuickPick<HistoryItem>();
  picker.title = vscode.l10n.t('AI Hub: Chat History');
  picker.placeholder = vscode.l10n.t('Search titles, models and text; Enter opens a conversation');
  // The search is ours (every word in the title, model or text): VS Code's own filter would hide text matches.
  picker.matchOnDescription = false;
  picker.matchOnDetail = false;
  let entries: HistoryEntry[] = [];
  const render = () => {
    const matches = searchHistory(withCurrent(entries, controller), picker.value);
    picker.items = matches.map((m) => toItem(m, m.entry.id === controller.current.id));
    if (entries.length === 0 && controller.current.turns.length === 0) picker.placeholder = vscode.l10n.t('No conversations yet');
  };
  const refresh = async (verify: boolean) => {
    picker.busy = true;
    try {
      entries = await controller.store.history();
      render();
      // What the index says shows at once; files another window changed meanwhile follow.
      if (verify && (await controller.store.verify()).changed) {
        entries = await controller.store.history();
        render();
      }
    } finally {
      picker.busy = false;
    }
  };
  picker.onDidChangeValue(render);
  picker.onDidAccept(() => {
    // The active row, also when Enter comes while the rows are being replaced (a search, the background check).
    const item = picker.selectedItems[0] ?? picker.activeItems[0];
    picker.hide();
    if (item) void controller.history.switchTo(item.id);
  });
  // A button's own prompt (the rename box, the delete dialog, the save dialog) hides the picker for a moment: it
  // comes back afterwards instead of being disposed.
  let inButton = false;
  picker.onDidTriggerItemButton(async ({ item, button }) => {
    inButton = true;
    try {
      await runButton(item, button);
    } finally {
      inButton = false;
    }
    picker.show();
    await refresh(false);
  });
  const runButton = async (item: HistoryItem, button: vscode.QuickInputButton) => {
    if (button === PIN || button === UNPIN) {
      await controller.history.pin(item.id, button === PIN);
    } else if (button === RENAME) {
      const title = await vscode.window.showInputBox({
        title: vscode.l10n.t('Rename Conversation'),
        value: item.label,
        validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A title cannot be empty')),
      });
      if (title) await controller.history.rename(item.id, title);
    } else if (button === EXPORT) {
      await exportConversation(controller, item.id);
    } else if (button === DELETE) {
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Delete the conversation "{0}"?', item.label),
        { modal: true, detail: vscode.l10n.t('It cannot be restored.') },
        vscode.l10n.t('Delete'),
      );
      if (answer === vscode.l10n.t('Delete')) await controller.history.delete(item.id);
    }
  };
  picker.onDidHide(() => {
    if (!inButton) picker.dispose();
  });
  picker.show();
  await refresh(true);
}

/** The conversation on screen may not be saved yet (nothing asked): it is still listed, first. */
function withCurrent(entries: HistoryEntry[], controller: ChatController): HistoryEntry[] {
  const c = controller.current;
  if (c.turns.length === 0 || entries.some((e) => e.id === c.id)) return entries;
  return [entryOf(c, { mtimeMs: 0, size: 0 }), ...entries];
}

function toItem({ entry, snippet }: HistoryMatch, current: boolean): HistoryItem {
  const when = new Date(entry.updatedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const count =
    entry.kind === 'comparison'
      ? vscode.l10n.t('{0} models', entry.turns - 1)
      : entry.turns === 1
        ? vscode.l10n.t('1 message')
        : vscode.l10n.t('{0} messages', entry.turns);
  const marks = [current ? vscode.l10n.t('current') : '', entry.readOnly ? vscode.l10n.t('read-only') : ''].filter(Boolean);
  return {
    id: entry.id,
    pinned: !!entry.pinned,
    label: entry.title,
    description: [...marks, entry.model].join(' · '),
    detail: [when, count, snippet].filter(Boolean).join(' · '),
    iconPath: new vscode.ThemeIcon(
      entry.kind === 'comparison' ? 'split-horizontal' : entry.pinned ? 'pinned' : current ? 'comment-discussion' : 'comment',
    ),
    // Shown whatever VS Code's own filter thinks: the search above already chose these.
    alwaysShow: true,
    buttons: [entry.pinned ? UNPIN : PIN, RENAME, EXPORT, DELETE],
  };
}
