// Proposed rewrites waiting for the user's decision. Both sides of the diff are read-only virtual documents
// (a snapshot of the file, and the file with the proposal in place), so nothing touches the real file until
// Accept, which applies one WorkspaceEdit (one undo step) and only to the version the proposal was made for.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { reindent } from '../core/prompts/reindent';
import { Commands } from '../ids';
import type { CodeTarget } from './codeTarget';

export const PROPOSAL_SCHEME = 'aihub-proposal';

interface Proposal {
  id: string;
  target: CodeTarget;
  /** The replacement for the target's range, already re-indented. */
  replacement: string;
  originalFile: string;
  proposedFile: string;
  title: string;
  /** Proposals for the same code by other models share this: accepting one discards the others. */
  rivals?: string;
}

type Side = 'original' | 'proposal';

export class Proposals implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly pending = new Map<string, Proposal>();
  private next = 1;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, this),
      // Closing the diff without choosing is a rejection: nothing is kept for a proposal nobody can see.
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.closed) {
          const id = proposalIdOf(tab);
          if (id) this.pending.delete(id);
        }
      }),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const { id, side } = parseUri(uri) ?? {};
    const proposal = id ? this.pending.get(id) : undefined;
    if (!proposal) return '';
    return side === 'original' ? proposal.originalFile : proposal.proposedFile;
  }

  /** Re-indents the proposal to the target, opens the diff and offers Accept / Reject. Returns the proposal's id. */
  async open(target: CodeTarget, code: string, title: string, rivals?: string): Promise<string | undefined> {
    const { document, range } = target;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const replacement = reindent(code, {
      original: target.ctx.text,
      linePrefix: target.linePrefix,
      eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
      tabSize: typeof editor?.options.tabSize === 'number' ? editor.options.tabSize : 4,
      insertSpaces: editor?.options.insertSpaces !== false,
    });
    if (replacement === target.ctx.text) {
      void vscode.window.showInformationMessage(vscode.l10n.t('AI Hub: the model proposes no change to {0}.', target.ctx.fileName));
      return undefined;
    }
    const originalFile = document.getText();
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const id = String(this.next++);
    const proposal: Proposal = {
      id,
      target,
      replacement,
      originalFile,
      proposedFile: originalFile.slice(0, start) + replacement + originalFile.slice(end),
      title,
      rivals,
    };
    this.pending.set(id, proposal);
    const name = path.posix.basename(document.uri.path) || 'untitled';
    await vscode.commands.executeCommand(
      'vscode.diff',
      proposalUri(id, 'original', name),
      proposalUri(id, 'proposal', name),
      vscode.l10n.t('{0}: {1} (proposal)', name, title),
      {
        preview: false,
        selection: new vscode.Range(range.start, range.start),
      } satisfies vscode.TextDocumentShowOptions,
    );
    const accept = vscode.l10n.t('Accept');
    const reject = vscode.l10n.t('Reject');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('AI Hub: {0} — review the proposal for {1}.', title, target.ctx.fileName), accept, reject)
      .then((choice) => {
        if (choice === accept) void vscode.commands.executeCommand(Commands.acceptProposal, id);
        else if (choice === reject) void vscode.commands.executeCommand(Commands.rejectProposal, id);
      });
    return id;
  }

  /**
   * Applies the proposal as one edit. Refuses when the file changed since the proposal was made: the range
   * may no longer hold the code the proposal replaces.
   */
  async accept(ref: unknown): Promise<boolean> {
    const proposal = this.find(ref);
    if (!proposal) return false;
    const { target } = proposal;
    const document = await vscode.workspace.openTextDocument(target.document.uri);
    if (document.version !== target.version || document.getText(target.range) !== target.ctx.text) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'AI Hub: {0} changed after the proposal was made, so it was not applied (it could overwrite your edits). Run the command again on the current code.',
          target.ctx.fileName,
        ),
      );
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, target.range, proposal.replacement);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('AI Hub: VS Code could not apply the proposal to {0} (is it read-only?).', target.ctx.fileName),
      );
      return false;
    }
    await this.close(proposal);
    // The other models' proposals for this code are discarded: they were made for the text just replaced.
    if (proposal.rivals)
      for (const rival of [...this.pending.values()].filter((p) => p.rivals === proposal.rivals)) await this.close(rival);
    const endOffset = document.offsetAt(target.range.start) + proposal.replacement.length;
    await vscode.window.showTextDocument(document, {
      selection: new vscode.Range(target.range.start, document.positionAt(endOffset)),
      preview: false,
    });
    return true;
  }

  async reject(ref: unknown): Promise<boolean> {
    const proposal = this.find(ref);
    if (!proposal) return false;
    await this.close(proposal);
    return true;
  }

  /** By id (notification, automation), by a URI of either side (editor title buttons), else the diff in front. */
  private find(ref: unknown): Proposal | undefined {
    if (typeof ref === 'string') return this.pending.get(ref);
    if (ref instanceof vscode.Uri) {
      const id = parseUri(ref)?.id;
      return id ? this.pending.get(id) : undefined;
    }
    const active = vscode.window.tabGroups.activeTabGroup.activeTab;
    const id = active ? proposalIdOf(active) : undefined;
    return id ? this.pending.get(id) : undefined;
  }

  private async close(proposal: Proposal): Promise<void> {
    this.pending.delete(proposal.id);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => proposalIdOf(t) === proposal.id);
    if (tabs.length) await vscode.window.tabGroups.close(tabs);
  }

  dispose(): void {
    this.pending.clear();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

function proposalUri(id: string, side: Side, name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: `/${id}/${side}/${name}` });
}

function parseUri(uri: vscode.Uri): { id: string; side: Side } | undefined {
  if (uri.scheme !== PROPOSAL_SCHEME) return undefined;
  const match = /^\/(\d+)\/(original|proposal)\//.exec(uri.path);
  return match ? { id: match[1], side: match[2] as Side } : undefined;
}

function proposalIdOf(tab: vscode.Tab): string | undefined {
  return tab.input instanceof vscode.TabInputTextDiff ? parseUri(tab.input.modified)?.id : undefined;
}
