// `aihub.fixSelection`: the problems VS Code reports in the code, fixed in a diff to accept or reject.
import * as vscode from 'vscode';
import { fixInstruction, rewriteMessages } from '../core/prompts/builtinPrompts';
import { Commands } from '../ids';
import type { Services } from '../services';
import type { Proposals } from './proposals';
import { runRewrite } from './rewriteFlow';

export function registerFixSelection(services: Services, proposals: Proposals): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.fixSelection, () =>
    runRewrite(services, proposals, {
      title: vscode.l10n.t('Fix'),
      messages: (ctx) => rewriteMessages(fixInstruction(ctx.diagnostics ?? []), ctx),
    }),
  );
}
