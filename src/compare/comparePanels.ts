// Each comparison in an editor tab of its own: the locked-down page (the chat's HTML helper and CSP), its
// messages validated and routed to the session, and closing the tab aborting every request still running.
// Tabs come back after a reload from the comparison's id, which the page keeps in its webview state.
import * as vscode from 'vscode';
import { chatWebviewHtml, newNonce } from '../core/chat/webviewHtml';
import type { Conversation } from '../core/chat/conversation';
import { Views } from '../ids';
import type { Services } from '../services';
import { compareWebviewMessageSchema, type CompareHostMessage, type CompareWebviewMessage } from '../shared/compareProtocol';
import { runPageAction, type EditorTracker } from '../chat/editorActions';
import { webviewOptions } from '../chat/chatWebview';
import { saveAsMarkdown } from '../chat/exportConversation';
import { CompareSession } from './compareSession';

interface OpenComparison {
  panel: vscode.WebviewPanel;
  session: CompareSession;
}

export class ComparePanels implements vscode.Disposable {
  private readonly open = new Map<string, OpenComparison>();
  private readonly serializer: vscode.Disposable;

  constructor(
    private readonly services: Services,
    private readonly tracker: EditorTracker,
  ) {
    this.serializer = vscode.window.registerWebviewPanelSerializer(Views.comparePanel, {
      deserializeWebviewPanel: (panel, state: unknown) => this.restore(panel, state),
    });
  }

  /** A tab restored after a reload: the comparison whose id the page kept, or nothing. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const id = state && typeof state === 'object' ? (state as { comparisonId?: unknown }).comparisonId : undefined;
    const saved = typeof id === 'string' ? await this.services.conversations.load(id) : undefined;
    if (saved?.kind !== 'comparison') return panel.dispose();
    this.adopt(panel, new CompareSession(this.services, saved));
  }

  get sessions(): CompareSession[] {
    return [...this.open.values()].map((o) => o.session);
  }

  /** Shows a new comparison in a new tab and starts it; resolves once every column has ended. */
  start(comparison: Conversation): { session: CompareSession; done: Promise<void> } {
    const session = new CompareSession(this.services, comparison);
    const panel = vscode.window.createWebviewPanel(Views.comparePanel, comparison.title, vscode.ViewColumn.Active, {
      ...webviewOptions(this.services.context.extensionUri),
      retainContextWhenHidden: true,
    });
    this.adopt(panel, session);
    return { session, done: session.start() };
  }

  /** A saved comparison (from the history): its tab if open, else a new tab showing it as it was saved. */
  async show(id: string): Promise<boolean> {
    const existing = this.open.get(id);
    if (existing) {
      existing.panel.reveal();
      return true;
    }
    const saved = await this.services.conversations.load(id);
    if (saved?.kind !== 'comparison') return false;
    const panel = vscode.window.createWebviewPanel(Views.comparePanel, saved.title, vscode.ViewColumn.Active, {
      ...webviewOptions(this.services.context.extensionUri),
      retainContextWhenHidden: true,
    });
    this.adopt(panel, new CompareSession(this.services, saved));
    return true;
  }

  dispose(): void {
    for (const { panel } of this.open.values()) panel.dispose();
    this.serializer.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, session: CompareSession): void {
    const { services } = this;
    const root = vscode.Uri.joinPath(services.context.extensionUri, 'dist', 'webview');
    const media = vscode.Uri.joinPath(services.context.extensionUri, 'media');
    panel.iconPath = { light: vscode.Uri.joinPath(media, 'chat-tab-light.svg'), dark: vscode.Uri.joinPath(media, 'chat-tab-dark.svg') };
    panel.webview.options = webviewOptions(services.context.extensionUri);
    panel.webview.html = chatWebviewHtml({
      cspSource: panel.webview.cspSource,
      nonce: newNonce(),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'compare.js')).toString(),
      styleUris: [panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'compare.css')).toString()],
      surface: 'editor',
      language: vscode.env.language,
      l10n: vscode.l10n.bundle,
      title: vscode.l10n.t('AI Hub Compare'),
    });
    this.open.set(session.id, { panel, session });
    // Typed here and checked where it is received (the webview's schema), as the chat's messages are.
    const post = (message: CompareHostMessage) => void panel.webview.postMessage(message);
    const notice = (message: string | undefined) => {
      if (message) post({ type: 'notice', message });
    };

    const handle = async (message: CompareWebviewMessage): Promise<void> => {
      switch (message.type) {
        case 'ready':
          session.attach(post);
          post(session.state());
          return;
        case 'stop':
          return session.stop(message.columnId);
        case 'retry':
          return session.retry(message.columnId);
        case 'continue':
          if (!(await session.continueWith(message.columnId))) notice(vscode.l10n.t('That column could not be continued as a chat.'));
          return;
        case 'export':
          await saveAsMarkdown(session.comparison, services.models);
          return;
        case 'codeAction':
        case 'copyText':
        case 'openLink':
          notice(await runPageAction(message, this.tracker));
          return;
      }
    };

    const subscriptions = vscode.Disposable.from(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const parsed = compareWebviewMessageSchema.safeParse(raw);
        if (!parsed.success) {
          services.log.warn('compare: ignored a malformed message from the webview');
          return;
        }
        handle(parsed.data).catch((err: unknown) => {
          services.log.error(`compare: ${parsed.data.type} failed: ${err instanceof Error ? err.message : String(err)}`);
          notice(vscode.l10n.t('Something went wrong: {0}', err instanceof Error ? err.message : String(err)));
        });
      }),
      panel.onDidDispose(() => {
        subscriptions.dispose();
        this.open.delete(session.id);
        session.dispose();
      }),
    );
  }
}
