// The money feature: the balance item, Top Up (from the item, a notification, or a quota error from any
// surface) and Refresh Balance. Prices live with the model list (src/models).
import * as vscode from 'vscode';
import { amountFormats } from '../core/money/formatMoney';
import { nextTurn } from '../core/timeSlices';
import { Commands } from '../ids';
import type { Services } from '../services';
import { BalanceStatusBar } from './balanceStatusBar';
import { MoneyService } from './moneyService';

export function registerMoney(services: Services): vscode.Disposable {
  const money = new MoneyService(services);
  const topUp = async (): Promise<string | undefined> => {
    const url = await money.topUpUrl();
    if (!url) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          "AI Hub: this hub does not say where to buy credit. Add a topUpUrl to its entry in aihub.hubs, or see the hub's dashboard.",
        ),
      );
      return undefined;
    }
    void vscode.env.openExternal(vscode.Uri.parse(url));
    return url;
  };
  const statusBar = new BalanceStatusBar(services, money, topUp);
  // ICU's number data loads with the first formatter: in a turn of its own, before the balance arrives to use it.
  void nextTurn().then(amountFormats);
  let lastQuotaNotice = 0;
  return vscode.Disposable.from(
    money,
    statusBar,
    vscode.commands.registerCommand(Commands.topUp, topUp),
    vscode.commands.registerCommand(Commands.refreshBalance, () => money.refresh(true)),
    vscode.commands.registerCommand(Commands.moneySnapshot, async () => ({
      state: money.state.kind,
      statusBar: statusBar.snapshot,
      topUpUrl: await money.topUpUrl(),
    })),
    // 402, or 403/429 saying the quota is used up, from the chat, a selection command or vscode.lm.
    services.hub.onDidReply(({ error }) => {
      if (error?.kind !== 'quota') return;
      void money.refresh();
      // The surface that failed shows the error too; one reminder a minute is enough during an agent's burst.
      if (Date.now() - lastQuotaNotice < 60_000) return;
      lastQuotaNotice = Date.now();
      void vscode.window.showErrorMessage(vscode.l10n.t('AI Hub: {0}', error.message), vscode.l10n.t('Top Up')).then((choice) => {
        if (choice) void topUp();
      });
    }),
  );
}
