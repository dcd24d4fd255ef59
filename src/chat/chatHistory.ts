// The conversation history as a native quick pick: type to filter, Enter to switch, and per-item buttons to
// rename, export or delete (keyboard-reachable like any quick pick button).
import * as vscode from 'vscode';
import type { ConversationSummary } from '../core/chat/conversation';
import type { ChatController } from './chatController';
import { exportConversation } from './exportConversation';

interface HistoryItem extends vscode.QuickPickItem {
  id: string;
}

const RENAME: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('edit'), tooltip: 'Rename' };
const EXPORT: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('export'), tooltip: 'Export to Markdown' };
const DELETE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('trash'), tooltip: 'Delete' };

export async function showHistory(controller: ChatController): Promise<void> {
  const picker = vscode.window.createQuickPick<HistoryItem>();
  picker.title = 'AI Hub: Chat History';
  picker.placeholder = 'Search conversations; Enter opens one';
  picker.matchOnDescription = true;
  const refresh = async () => {
    picker.busy = true;
    const list = await controller.store.list();
    // The current conversation may not be saved yet (nothing asked): it is still listed first.
    const current = controller.current;
    const items =
      list.some((s) => s.id === current.id) || current.turns.length === 0
        ? list
        : [
            { id: current.id, title: current.title, model: current.model, updatedAt: current.updatedAt, turns: current.turns.length },
            ...list,
          ];
    picker.items = items.map((s) => toItem(s, s.id === current.id));
    picker.busy = false;
    if (items.length === 0) picker.placeholder = 'No conversations yet';
  };
  picker.onDidAccept(() => {
    const item = picker.selectedItems[0];
    picker.hide();
    if (item) void controller.switchTo(item.id);
  });
  picker.onDidTriggerItemButton(async ({ item, button }) => {
    if (button === RENAME) {
      const title = await vscode.window.showInputBox({
        title: 'Rename Conversation',
        value: item.label,
        validateInput: (v) => (v.trim() ? undefined : 'A title cannot be empty'),
      });
      if (title) await controller.rename(item.id, title);
      picker.show();
    } else if (button === EXPORT) {
      await exportConversation(controller, item.id);
    } else if (button === DELETE) {
      const answer = await vscode.window.showWarningMessage(
        `Delete the conversation "${item.label}"?`,
        { modal: true, detail: 'It cannot be restored.' },
        'Delete',
      );
      if (answer === 'Delete') await controller.delete(item.id);
      picker.show();
    }
    await refresh();
  });
  picker.onDidHide(() => picker.dispose());
  picker.show();
  await refresh();
}

function toItem(s: ConversationSummary, current: boolean): HistoryItem {
  const when = new Date(s.updatedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    id: s.id,
    label: s.title,
    description: `${current ? 'current · ' : ''}${s.model}`,
    detail: s.kind === 'comparison' ? `${when} · ${s.turns - 1} models` : `${when} · ${s.turns} message${s.turns === 1 ? '' : 's'}`,
    iconPath: new vscode.ThemeIcon(s.kind === 'comparison' ? 'split-horizontal' : current ? 'comment-discussion' : 'comment'),
    buttons: [RENAME, EXPORT, DELETE],
  };
}
