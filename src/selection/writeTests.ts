// `aihub.writeTests`: unit tests for the code at the cursor, opened in a new untitled editor of the same language.
import * as vscode from 'vscode';
import { testsMessages } from '../core/prompts/builtinPrompts';
import { extractCode } from '../core/prompts/extractCode';
import { estimateTokens } from '../core/models/tokenEstimate';
import { Commands } from '../ids';
import type { Services } from '../services';
import { askHub, offer } from './askHub';
import { targetInActiveEditor } from './rewriteFlow';

export function registerWriteTests(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.writeTests, async () => {
    const target = await targetInActiveEditor({ writable: false });
    if (!target) return undefined;
    const answer = await askHub(services, {
      title: vscode.l10n.t('Writing tests for {0}', target.ctx.fileName),
      messages: testsMessages(target.ctx),
      // Tests are usually a few times longer than the code they test.
      expectedOutputTokens: 3 * estimateTokens(target.ctx.text),
    });
    if (answer === undefined) return undefined;
    const { code } = extractCode(answer, { language: target.ctx.language });
    if (!code.trim()) {
      offer(vscode.l10n.t('The model answered without any code, so no tests were written. Try again, or another model.'));
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ language: target.document.languageId, content: `${code}\n` });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    return document.uri.toString();
  });
}
