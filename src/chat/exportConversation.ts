// Saves a conversation (or a comparison) as a markdown file the user picks.
import * as vscode from 'vscode';
import type { Conversation } from '../core/chat/conversation';
import { exportFileName, exportMarkdown } from '../core/chat/exportMarkdown';
import { exportComparison } from '../core/compare/exportComparison';
import type { ModelsService } from '../models/modelsService';
import type { ChatController } from './chatController';

/** With `to` (automation, tests), writes there without asking. */
export async function exportConversation(
  controller: ChatController,
  id = controller.current.id,
  to?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const conversation = await controller.history.load(id);
  if (!conversation || conversation.turns.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('AI Hub: there is nothing to export in this conversation yet.'));
    return undefined;
  }
  return saveAsMarkdown(conversation, controller.services.models, to);
}

export async function saveAsMarkdown(
  conversation: Conversation,
  models: Pick<ModelsService, 'priceOf'>,
  to?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const comparison = conversation.kind === 'comparison';
  const markdown = comparison ? exportComparison(conversation, (model) => models.priceOf(model)) : exportMarkdown(conversation);
  if (to) {
    await vscode.workspace.fs.writeFile(to, new TextEncoder().encode(markdown));
    return to;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: comparison ? vscode.l10n.t('Export Comparison') : vscode.l10n.t('Export Conversation'),
    defaultUri: folder ? vscode.Uri.joinPath(folder, exportFileName(conversation)) : undefined,
    filters: { Markdown: ['md'] },
    saveLabel: vscode.l10n.t('Export'),
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(markdown));
  // Not awaited: the notification may sit in the notification centre for as long as nobody closes it, and the
  // history list that asked for this export comes back only once the export is done.
  void vscode.window
    .showInformationMessage(vscode.l10n.t('AI Hub: exported "{0}".', conversation.title), vscode.l10n.t('Open'))
    .then((open) => {
      if (open) void vscode.window.showTextDocument(target);
    });
  return target;
}
