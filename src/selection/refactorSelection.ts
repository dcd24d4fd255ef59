// `aihub.refactorSelection`: a preset or the user's own words → a rewrite shown as a diff to accept or reject.
import * as vscode from 'vscode';
import { refactorPresets, rewriteMessages } from '../core/prompts/builtinPrompts';
import { Commands } from '../ids';
import type { Services } from '../services';
import type { Proposals } from './proposals';
import { runRewrite, targetInActiveEditor } from './rewriteFlow';

export function registerRefactorSelection(services: Services, proposals: Proposals): vscode.Disposable {
  // An argument (a preset id or an instruction) skips the question: for keybindings and automation.
  return vscode.commands.registerCommand(Commands.refactorSelection, async (argument?: unknown) => {
    const target = await targetInActiveEditor({ writable: true });
    if (!target) return undefined;
    const chosen = typeof argument === 'string' && argument.trim() ? fromArgument(argument.trim()) : await askInstruction();
    if (!chosen) return undefined;
    return runRewrite(services, proposals, { title: chosen.title, messages: (ctx) => rewriteMessages(chosen.instruction, ctx) }, target);
  });
}

export interface Chosen {
  title: string;
  instruction: string;
}

export function fromArgument(argument: string): Chosen {
  const preset = refactorPresets().find((p) => p.id === argument);
  return preset ? { title: preset.label, instruction: preset.instruction } : { title: vscode.l10n.t('Refactor'), instruction: argument };
}

/** A quick pick of the presets whose filter text doubles as a free-text instruction. */
export function askInstruction(): Promise<Chosen | undefined> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { instruction?: string }>();
  pick.title = vscode.l10n.t('AI Hub: Refactor');
  pick.placeholder = vscode.l10n.t('Pick a refactoring, or describe the change you want and press Enter');
  const presets = refactorPresets().map((p) => ({ label: p.label, detail: p.detail, instruction: p.instruction }));
  pick.items = presets;
  pick.onDidChangeValue((value) => {
    // What the user types is offered as its own instruction, after the presets it happens to match ("simp" →
    // Simplify); typing a preset's whole name means that preset.
    const typed = value.trim();
    const isPreset = presets.some((p) => p.label.toLowerCase() === typed.toLowerCase());
    pick.items =
      typed && !isPreset ? [...presets, { label: typed, description: vscode.l10n.t('your instruction'), alwaysShow: true }] : presets;
  });
  return new Promise((resolve) => {
    let chosen: Chosen | undefined;
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0];
      const typed = pick.value.trim();
      if (item) chosen = { title: item.instruction ? item.label : vscode.l10n.t('Refactor'), instruction: item.instruction ?? item.label };
      else if (typed) chosen = { title: vscode.l10n.t('Refactor'), instruction: typed };
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}
