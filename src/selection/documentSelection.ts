// `aihub.documentSelection`: documentation comments in the language's own style, in a diff to accept or reject.
import * as vscode from 'vscode';
import { documentInstruction, rewriteMessages } from '../core/prompts/builtinPrompts';
import { Commands } from '../ids';
import type { Services } from '../services';
import type { Proposals } from './proposals';
import { runRewrite } from './rewriteFlow';

export function registerDocumentSelection(services: Services, proposals: Proposals): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.documentSelection, () =>
    runRewrite(services, proposals, {
      title: vscode.l10n.t('Add documentation'),
      messages: (ctx) => rewriteMessages(documentInstruction(ctx.language), ctx),
    }),
  );
}
