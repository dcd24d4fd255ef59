// Saves a conversation as a markdown file the user picks.
import * as vscode from 'vscode';
import { exportFileName, exportMarkdown } from '../core/chat/exportMarkdown';
import type { ChatController } from './chatController';

export async function exportConversation(controller: ChatController, id = controller.current.id): Promise<vscode.Uri | undefined> {
  const conversation = await controller.load(id);
  if (!conversation || conversation.turns.length === 0) {
    void vscode.window.showInformationMessage('AI Hub: there is nothing to export in this conversation yet.');
    return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: 'Export Conversation',
    defaultUri: folder ? vscode.Uri.joinPath(folder, exportFileName(conversation)) : undefined,
    filters: { Markdown: ['md'] },
    saveLabel: 'Export',
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(exportMarkdown(conversation)));
  const open = await vscode.window.showInformationMessage(`AI Hub: exported "${conversation.title}".`, 'Open');
  if (open) await vscode.window.showTextDocument(target);
  return target;
}
