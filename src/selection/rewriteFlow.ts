// The diff pattern shared by refactor, fix, document and diff-mode custom prompts: the code at the cursor →
// the hub (code only) → the code pulled out of the answer → a diff to accept or reject.
import * as vscode from 'vscode';
import type { ChatMessage } from '../core/hub/types';
import type { CodeContext } from '../core/prompts/codeContext';
import { extractCode } from '../core/prompts/extractCode';
import { estimateTokens } from '../core/models/tokenEstimate';
import type { Services } from '../services';
import { askHub, offer } from './askHub';
import { resolveTarget, type CodeTarget } from './codeTarget';
import type { Proposals } from './proposals';

export interface Rewrite {
  /** Shown in the progress notification and the diff's title: "Simplify", "Fix", "Add documentation". */
  title: string;
  messages: (ctx: CodeContext) => ChatMessage[];
}

/** The editor a selection command acts on, or a message saying why there is none. */
export async function targetInActiveEditor(options: { writable: boolean }): Promise<CodeTarget | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('AI Hub: open a file and select some code first.'));
    return undefined;
  }
  if (options.writable && vscode.workspace.fs.isWritableFileSystem(editor.document.uri.scheme) === false) {
    void vscode.window.showInformationMessage(vscode.l10n.t('AI Hub: this editor is read-only; a proposal could not be applied to it.'));
    return undefined;
  }
  const target = await resolveTarget(editor);
  if (!target)
    void vscode.window.showInformationMessage(
      vscode.l10n.t('AI Hub: there is no code here. Select some code, or put the cursor inside a function.'),
    );
  return target;
}

/** Who answers a rewrite (the default model when not given) and which proposals it competes with. */
export interface RewriteBy {
  model?: string;
  /** Proposals for the same code from other models: accepting one discards the others (see Proposals.open). */
  rivals?: string;
}

/** Runs a rewrite on the active editor; resolves with the proposal's id once the diff is open. */
export async function runRewrite(
  services: Services,
  proposals: Proposals,
  rewrite: Rewrite,
  target?: CodeTarget,
  by: RewriteBy = {},
): Promise<string | undefined> {
  const at = target ?? (await targetInActiveEditor({ writable: true }));
  if (!at) return undefined;
  const answer = await askHub(services, {
    title: `${rewrite.title}: ${at.ctx.fileName}`,
    messages: rewrite.messages(at.ctx),
    expectedOutputTokens: estimateTokens(at.ctx.text),
    model: by.model,
  });
  if (answer === undefined) return undefined;
  const { code } = extractCode(answer, { language: at.ctx.language });
  if (!code.trim()) {
    services.log.warn(`selection: ${rewrite.title}: no code in the answer (${answer.length} characters)`);
    offer(vscode.l10n.t('The model answered without any code, so there is nothing to propose. Try again, or another model.'));
    return undefined;
  }
  return proposals.open(at, code, by.model ? `${rewrite.title} by ${by.model}` : rewrite.title, by.rivals);
}
