// The status bar item: which hub and which model requests go to, in a warning colour when they cannot
// succeed (no key, or the hub rejected the key). Clicking it opens the model picker.
import { hubHost } from '../core/hubs/hubUrl';
import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { KeyPresence } from '../keys/keyPresence';
import type { Services } from '../services';

export interface StatusBarSnapshot {
  text: string;
  tooltip: string;
  warning: boolean;
}

export class ModelStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('aihub.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];
  private current: StatusBarSnapshot = { text: '', tooltip: '', warning: false };

  constructor(
    private readonly services: Services,
    private readonly keys: KeyPresence,
  ) {
    this.item.name = 'AI Hub Model';
    this.item.command = Commands.selectModel;
    const update = () => this.update();
    this.subscriptions = [keys.onDidChange(update), services.models.onDidChange(update), services.config.onDidChange(update)];
    this.update();
    this.item.show();
  }

  get snapshot(): StatusBarSnapshot {
    return this.current;
  }

  private update(): void {
    const host = hubHost(this.services.hub.baseUrl);
    const model = this.services.config.current.defaultModel || vscode.l10n.t('no model');
    const problem = this.problem(host);
    const text = `$(hubot) ${host} · ${model}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.isTrusted = { enabledCommands: [Commands.selectModel, Commands.setApiKey] };
    if (problem)
      tooltip
        .appendMarkdown('$(warning) ')
        .appendText(problem)
        .appendMarkdown(`\n\n[${vscode.l10n.t('Set API Key')}](command:${Commands.setApiKey})\n\n`);
    // The chat's model button may show another model: each conversation keeps its own. Say which one this is.
    const about = vscode.l10n.t(
      'AI Hub: {0}. Default model: {1}, for new chats and the selection commands (a chat can switch its own model under its input).',
      host,
      model,
    );
    tooltip.appendText(about).appendMarkdown(`\n\n[${vscode.l10n.t('Change Default Model')}](command:${Commands.selectModel})`);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = problem ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = {
      label: vscode.l10n.t('AI Hub: {0}, default model {1}{2}', host, model, problem ? `. ${problem}` : ''),
    };
    this.current = { text, tooltip: `${problem ? `${problem} ` : ''}${about}`, warning: !!problem };
  }

  /** Why requests would fail now, in words, or undefined when nothing is known to be wrong. */
  private problem(host: string): string | undefined {
    const state = this.services.models.state;
    if (this.keys.hasKey === false || state.status === 'noKey') return vscode.l10n.t('No API key is set for {0}.', host);
    if (state.status === 'error' && state.kind === 'auth') {
      const status = state.httpStatus ? ` (${state.httpStatus})` : '';
      return this.keys.stored
        ? vscode.l10n.t('{0} rejected the API key{1}.', host, status)
        : vscode.l10n.t('{0} asks for an API key{1}.', host, status);
    }
    return undefined;
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.item.dispose();
  }
}
