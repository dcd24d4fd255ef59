// The Usage view: an editor tab showing one month of the usage log (spend or tokens per day by model, the total
// and the top models) with CSV export. The page only draws; the log is read and summed here, in the extension.
import * as vscode from 'vscode';
import { chatWebviewHtml, newNonce } from '../core/chat/webviewHtml';
import { monthOf } from '../core/usage/calendar';
import { summarise } from '../core/usage/aggregate';
import { usageCsv } from '../core/usage/csv';
import { Views } from '../ids';
import type { Services } from '../services';
import { usageViewMessageSchema, type UsageHostMessage, type UsageViewMessage } from '../shared/usageProtocol';
import type { UsageLog } from './usageLog';

export class UsagePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private attached: vscode.Disposable | undefined;
  private readonly serializer: vscode.Disposable;

  constructor(
    private readonly services: Pick<Services, 'context' | 'log'>,
    private readonly log: UsageLog,
  ) {
    this.serializer = vscode.window.registerWebviewPanelSerializer(Views.usage, {
      deserializeWebviewPanel: async (panel) => this.restore(panel),
    });
  }

  /** The tab restored after a reload. */
  restore(panel: vscode.WebviewPanel): void {
    this.adopt(panel);
  }

  open(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    this.adopt(vscode.window.createWebviewPanel(Views.usage, 'AI Hub Usage', vscode.ViewColumn.Active, this.options()));
  }

  dispose(): void {
    this.attached?.dispose();
    this.serializer.dispose();
  }

  private options(): vscode.WebviewOptions {
    // Only the webview bundles' folder: the page can load nothing else from disk.
    return {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(this.services.context.extensionUri, 'dist', 'webview')],
    };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.attached?.dispose();
    this.panel = panel;
    const webview = panel.webview;
    webview.options = this.options();
    const root = vscode.Uri.joinPath(this.services.context.extensionUri, 'dist', 'webview');
    webview.html = chatWebviewHtml({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'usage.js')).toString(),
      styleUris: [webview.asWebviewUri(vscode.Uri.joinPath(root, 'usage.css')).toString()],
      surface: 'editor',
      language: vscode.env.language,
      l10n: vscode.l10n.bundle,
      title: vscode.l10n.t('AI Hub Usage'),
    });

    let ready = false;
    let month = monthOf(Date.now());
    const post = (message: UsageHostMessage) => {
      // Typed here and checked where it is received (the webview's schema), as the chat's messages are.
      if (ready) void webview.postMessage(message);
    };
    const show = async () => {
      const { records, skipped } = await this.log.readAround(month);
      const months = await this.log.months();
      const current = monthOf(Date.now());
      if (!months.includes(current)) months.unshift(current);
      post({ type: 'summary', summary: summarise(records, month), months, current, skipped });
    };
    const handle = async (message: UsageViewMessage): Promise<void> => {
      switch (message.type) {
        case 'ready':
          ready = true;
          return show();
        case 'showMonth':
          month = message.month;
          return show();
        case 'refresh':
          return show();
        case 'exportCsv': {
          const saved = await this.exportCsv(message.month);
          if (saved) post({ type: 'notice', message: vscode.l10n.t('Saved {0}.', saved) });
          return;
        }
      }
    };

    this.attached = vscode.Disposable.from(
      webview.onDidReceiveMessage((raw: unknown) => {
        const parsed = usageViewMessageSchema.safeParse(raw);
        if (!parsed.success) {
          this.services.log.warn('usage: ignored a malformed message from the Usage view');
          return;
        }
        handle(parsed.data).catch((err: unknown) => {
          const text = err instanceof Error ? err.message : String(err);
          this.services.log.error(`usage: ${parsed.data.type} failed: ${text}`);
          post({ type: 'notice', message: vscode.l10n.t('Something went wrong: {0}', text) });
        });
      }),
      // Replies recorded while the tab was in the background show when it comes back.
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) void show().catch(() => undefined);
      }),
      panel.onDidDispose(() => {
        this.attached?.dispose();
        this.attached = undefined;
        this.panel = undefined;
      }),
    );
  }

  /** Writes the month's replies as CSV where the person chooses; returns the file's name, or undefined if cancelled. */
  private async exportCsv(month: string): Promise<string | undefined> {
    const { records } = await this.log.readAround(month);
    const rows = records.filter((r) => monthOf(Date.parse(r.time)) === month);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export AI Hub usage for {0}', month),
      saveLabel: vscode.l10n.t('Export'),
      filters: { CSV: ['csv'] },
      defaultUri: folder ? vscode.Uri.joinPath(folder, `aihub-usage-${month}.csv`) : undefined,
    });
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(usageCsv(rows)));
    this.services.log.info(`usage: exported ${rows.length} replies of ${month} to ${target.fsPath}`);
    return target.path.split('/').pop();
  }
}
