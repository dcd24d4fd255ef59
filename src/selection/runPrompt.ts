// `aihub.runPrompt`: one quick pick for the built-in selection commands and the user's own prompts
// (`aihub.prompts`), each run in its mode: a chat turn or a diff.
import * as vscode from 'vscode';
import { customChatAsk, customRewriteMessages, parseCustomPrompts, type CustomPrompt } from '../core/prompts/customPrompts';
import { Commands, Settings } from '../ids';
import type { Services } from '../services';
import type { Proposals } from './proposals';
import { runRewrite, targetInActiveEditor } from './rewriteFlow';
import type { ChatPort } from '../chat/chatAsk';

const BUILT_IN = [
  { label: vscode.l10n.t('Explain'), detail: vscode.l10n.t('In the chat panel'), command: Commands.explainSelection },
  { label: vscode.l10n.t('Refactor…'), detail: vscode.l10n.t('A proposal to review as a diff'), command: Commands.refactorSelection },
  { label: vscode.l10n.t('Fix'), detail: vscode.l10n.t('The reported problems, as a diff'), command: Commands.fixSelection },
  { label: vscode.l10n.t('Add documentation'), detail: vscode.l10n.t('Doc comments, as a diff'), command: Commands.documentSelection },
  { label: vscode.l10n.t('Write tests'), detail: vscode.l10n.t('In a new editor'), command: Commands.writeTests },
];

type Item = vscode.QuickPickItem & ({ command: string } | { prompt: CustomPrompt });

export function registerRunPrompt(services: Services, proposals: Proposals, chat: ChatPort): vscode.Disposable {
  // An argument (a prompt's name) runs it without asking: for keybindings and automation.
  return vscode.commands.registerCommand(Commands.runPrompt, async (argument?: unknown) => {
    const custom = readCustomPrompts();
    const items: Item[] = [
      ...BUILT_IN,
      ...(custom.length
        ? [{ label: vscode.l10n.t('Your prompts (aihub.prompts)'), kind: vscode.QuickPickItemKind.Separator, command: '' }]
        : []),
      ...custom.map((prompt) => ({
        label: prompt.name,
        description: prompt.mode === 'diff' ? 'diff' : 'chat',
        detail: oneLine(prompt.template),
        prompt,
      })),
    ];
    const chosen =
      typeof argument === 'string'
        ? items.find((i) => i.kind !== vscode.QuickPickItemKind.Separator && i.label === argument)
        : await vscode.window.showQuickPick(items, {
            title: vscode.l10n.t('AI Hub: Run Prompt'),
            placeHolder: vscode.l10n.t('What to do with the selection'),
            matchOnDetail: true,
          });
    if (!chosen) {
      if (typeof argument === 'string') void vscode.window.showWarningMessage(vscode.l10n.t('AI Hub: no prompt is named "{0}".', argument));
      return undefined;
    }
    if ('command' in chosen) return vscode.commands.executeCommand(chosen.command);
    const { prompt } = chosen;
    const target = await targetInActiveEditor({ writable: prompt.mode === 'diff' });
    if (!target) return undefined;
    if (prompt.mode === 'chat') {
      await chat.ask(customChatAsk(prompt, target.ctx));
      return true;
    }
    return runRewrite(services, proposals, { title: prompt.name, messages: (ctx) => customRewriteMessages(prompt, ctx) }, target);
  });
}

function readCustomPrompts(): CustomPrompt[] {
  const { prompts, problems } = parseCustomPrompts(vscode.workspace.getConfiguration(Settings.section).get(Settings.prompts));
  if (problems.length) {
    void vscode.window
      .showWarningMessage(
        problems.length === 1
          ? vscode.l10n.t('AI Hub: one entry of aihub.prompts skipped: {0}', problems[0])
          : vscode.l10n.t('AI Hub: {0} entries of aihub.prompts skipped: {1}', problems.length, problems.join('; ')),
        vscode.l10n.t('Open Settings'),
      )
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', `${Settings.section}.${Settings.prompts}`);
      });
  }
  return prompts;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}
