// What the chat does in editors: code from an answer inserted, replacing the selection, opened as a new
// untitled file, or applied through a diff (the selection commands' proposals); the selection or file attached to a question; links opened after a scheme check.
import * as vscode from 'vscode';
import { selectionName } from '../core/chat/attachmentName';
import type { SizeCheck } from '../core/chat/attachmentCheck';
import type { Attachment } from '../core/chat/conversation';
import { languageIdForFence } from '../core/chat/languageIds';
import { externalLink } from '../core/chat/links';
import { Commands } from '../ids';
import type { ApplyRequest, ApplyResult } from '../selection/applyCodeBlock';
import type { CodeActionMessage } from '../shared/chatProtocol';

/**
 * The editor the user last worked in. Focusing the chat (especially as an editor tab) clears
 * `activeTextEditor`, so the last one is remembered.
 */
export class EditorTracker implements vscode.Disposable {
  private last: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor((e) => {
    if (e) this.last = e;
  });

  get editor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active) return active;
    // Only while still on screen: an editor that was closed must not be written into.
    return this.last && vscode.window.visibleTextEditors.includes(this.last) ? this.last : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** What the chat and Compare pages both ask of the host: a code block's action, a copy, a link to open. */
export type PageAction = CodeActionMessage | { type: 'copyText'; text: string } | { type: 'openLink'; href: string };

/** Does what a page asked; resolves with a message for the user when it could not be done. */
export async function runPageAction(message: PageAction, tracker: EditorTracker): Promise<string | undefined> {
  switch (message.type) {
    case 'codeAction':
      return runCodeAction(tracker, message);
    case 'copyText':
      await vscode.env.clipboard.writeText(message.text);
      return undefined;
    case 'openLink':
      return openLink(message.href);
  }
}

/** Runs a code block action; resolves with a message for the user when it could not be done. */
export async function runCodeAction(
  tracker: EditorTracker,
  { action, code, language, path }: CodeActionMessage,
): Promise<string | undefined> {
  switch (action) {
    case 'copy':
      await vscode.env.clipboard.writeText(code);
      return undefined;
    case 'newFile': {
      const languageId = languageIdForFence(language, await vscode.languages.getLanguages());
      const document = await vscode.workspace.openTextDocument({ content: code, language: languageId });
      await vscode.window.showTextDocument(document, { preview: false });
      return undefined;
    }
    case 'insert':
    case 'replace': {
      const editor = tracker.editor;
      if (!editor) return vscode.l10n.t('Open a file in an editor first: there is no editor to put the code in.');
      if (action === 'replace' && editor.selection.isEmpty)
        return vscode.l10n.t('Select the code to replace first (or use Insert at Cursor).');
      const ok = await editor.edit((edit) => {
        for (const selection of editor.selections) {
          if (action === 'insert') edit.insert(selection.active, code);
          else edit.replace(selection, code);
        }
      });
      if (!ok) return vscode.l10n.t('The editor refused the change (is it read-only?).');
      await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
      return undefined;
    }
    case 'apply': {
      const editor = tracker.editor;
      const request: ApplyRequest = { code, language, path, uri: editor?.document.uri, selection: editor?.selection };
      const result = await vscode.commands.executeCommand<ApplyResult | undefined>(Commands.applyCodeBlock, request);
      return result?.message;
    }
  }
}

/** The selection or the file as an attachment, or why not in words (nothing to attach, or more than the model takes). */
export function attachmentFrom(tracker: EditorTracker, what: 'selection' | 'file', check: SizeCheck): Attachment | string {
  const editor = tracker.editor;
  if (!editor) return vscode.l10n.t('Open a file in an editor first: there is nothing to attach.');
  const { document, selection } = editor;
  const text = what === 'file' ? document.getText() : document.getText(selection);
  if (!text.trim())
    return what === 'file' ? vscode.l10n.t('The current file is empty.') : vscode.l10n.t('Select some code in the editor first.');
  const name = vscode.workspace.asRelativePath(document.uri, false);
  const fileName = what === 'file' ? name : selectionName(name, selection.start, selection.end);
  return check(fileName, text) ?? { fileName, language: document.languageId, text };
}

/** Opens web links only; anything else (command:, file:, vscode:) is refused with a message. */
export async function openLink(href: string): Promise<string | undefined> {
  const url = externalLink(href);
  if (!url) return vscode.l10n.t('Only http and https links are opened from the chat (refused {0}).', href.slice(0, 80));
  await vscode.env.openExternal(vscode.Uri.parse(url.href, true));
  return undefined;
}
