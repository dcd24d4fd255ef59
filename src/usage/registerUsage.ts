// The usage feature: the Usage view's command, and the log's contents as plain data for the integration tests.
import * as vscode from 'vscode';
import { monthOf } from '../core/usage/calendar';
import { Commands } from '../ids';
import type { LoadedFeature } from '../lazyFeature';
import type { Services } from '../services';
import { UsagePanel } from './usagePanel';

export function registerUsage(services: Services): LoadedFeature {
  const log = services.usage.log;
  const panel = new UsagePanel(services, log);
  const registrations = vscode.Disposable.from(
    panel,
    vscode.commands.registerCommand(Commands.showUsage, () => panel.open()),
    vscode.commands.registerCommand(Commands.usageSnapshot, async () => {
      const month = monthOf(Date.now());
      const { records, skipped } = await log.readAround(month);
      return { dir: log.dir, month, records, skipped };
    }),
  );
  return Object.assign(registrations, { restore: (_viewType: string, webviewPanel: vscode.WebviewPanel) => panel.restore(webviewPanel) });
}
