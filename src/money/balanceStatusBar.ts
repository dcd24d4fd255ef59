// The balance item: what is left on the key ("$12.34 left", quota units, "unlimited"), the warning colour below
// aihub.lowBalanceWarning or within a week of the key's expiry (with one notification each time that starts),
// a tooltip with used / total / expiry and the Top Up and Refresh links.
import * as vscode from 'vscode';
import { balanceAlarm, balanceDetails, balanceText, type BalanceAlarm } from '../core/money/formatMoney';
import { Commands } from '../ids';
import type { Services } from '../services';
import type { MoneyService } from './moneyService';

export interface BalanceSnapshot {
  visible: boolean;
  text: string;
  tooltip: string;
  warning: boolean;
}

export class BalanceStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('aihub.balance', vscode.StatusBarAlignment.Right, 99);
  private readonly subscriptions: vscode.Disposable[];
  private current: BalanceSnapshot = { visible: false, text: '', tooltip: '', warning: false };
  /** Alarms already notified, per hub: one notification when an alarm starts, not one per refresh. */
  private readonly notified = new Set<string>();

  constructor(
    private readonly services: Pick<Services, 'config' | 'hub'>,
    private readonly money: MoneyService,
    private readonly topUp: () => Thenable<unknown>,
  ) {
    this.item.name = 'AI Hub Balance';
    this.item.command = Commands.refreshBalance;
    const update = () => this.update();
    this.subscriptions = [money.onDidChange(update), services.config.onDidChange(update)];
    this.update();
  }

  get snapshot(): BalanceSnapshot {
    return this.current;
  }

  private update(): void {
    const state = this.money.state;
    const now = Date.now();
    let text: string;
    let lines: string[];
    let alarm: BalanceAlarm;
    switch (state.kind) {
      case 'idle':
      case 'noKey':
        this.hide();
        return;
      case 'loading':
        text = vscode.l10n.t('balance…');
        lines = [vscode.l10n.t("Reading the key's balance from the hub…")];
        break;
      case 'unsupported':
        text = vscode.l10n.t('balance unknown');
        lines = [vscode.l10n.t('This hub publishes no balance for API keys: see its dashboard for what is left.')];
        break;
      case 'unavailable':
        text = vscode.l10n.t('balance unknown');
        lines = [vscode.l10n.t('The hub did not say what is left on the key just now; it is asked again after the next reply.')];
        break;
      case 'balance':
        text = balanceText(state.balance, now);
        lines = balanceDetails(state.balance, now);
        alarm = balanceAlarm(state.balance, this.services.config.current.lowBalanceWarning, now);
        lines.push(vscode.l10n.t('Read {0}.', new Date(state.at).toLocaleTimeString()));
        break;
    }
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.isTrusted = { enabledCommands: [Commands.topUp, Commands.refreshBalance] };
    if (alarm) tooltip.appendMarkdown('$(warning) ').appendText(alarmText(alarm)).appendMarkdown('\n\n');
    tooltip
      .appendText(lines.join('\n'))
      .appendMarkdown(
        `\n\n[${vscode.l10n.t('Top Up')}](command:${Commands.topUp}) · [${vscode.l10n.t('Refresh')}](command:${Commands.refreshBalance})`,
      );
    this.item.text = `$(credit-card) ${text}`;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = alarm ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: vscode.l10n.t('AI Hub balance: {0}', text) };
    this.item.show();
    this.current = {
      visible: true,
      text: this.item.text,
      tooltip: [alarm ? alarmText(alarm) : '', ...lines].filter(Boolean).join('\n'),
      warning: !!alarm,
    };
    if (alarm) this.notify(alarm, text);
  }

  private notify(alarm: NonNullable<BalanceAlarm>, text: string): void {
    const key = `${this.services.hub.baseUrl} ${alarm}`;
    if (this.notified.has(key)) return;
    this.notified.add(key);
    void vscode.window
      .showWarningMessage(vscode.l10n.t('AI Hub: {0} ({1}).', alarmText(alarm), text), vscode.l10n.t('Top Up'))
      .then((choice) => {
        if (choice) void this.topUp();
      });
  }

  private hide(): void {
    this.item.hide();
    this.current = { visible: false, text: '', tooltip: '', warning: false };
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.item.dispose();
  }
}

function alarmText(alarm: NonNullable<BalanceAlarm>): string {
  switch (alarm) {
    case 'low':
      return vscode.l10n.t('The balance on your hub key is below aihub.lowBalanceWarning');
    case 'expired':
      return vscode.l10n.t('Your hub key has expired');
    case 'expiresSoon':
      return vscode.l10n.t('Your hub key expires within a week');
  }
}
