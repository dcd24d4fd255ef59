// The chat in an editor tab: the same controller and page as the sidebar view, restored after a reload.
import * as vscode from 'vscode';
import { Views } from '../ids';
import { attachChatWebview, webviewOptions, type ChatWebviewDeps } from './chatWebview';

export class ChatPanels implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly serializer: vscode.Disposable;
  private attached: vscode.Disposable | undefined;

  constructor(private readonly deps: ChatWebviewDeps) {
    this.serializer = vscode.window.registerWebviewPanelSerializer(Views.chatPanel, {
      deserializeWebviewPanel: async (panel) => this.adopt(panel),
    });
  }

  open(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      Views.chatPanel,
      'AI Hub Chat',
      vscode.ViewColumn.Beside,
      webviewOptions(this.deps.services.context.extensionUri),
    );
    this.adopt(panel);
  }

  setTitle(title: string): void {
    if (this.panel) this.panel.title = title;
  }

  dispose(): void {
    this.attached?.dispose();
    this.serializer.dispose();
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.attached?.dispose();
    this.panel = panel;
    const media = vscode.Uri.joinPath(this.deps.services.context.extensionUri, 'media');
    panel.iconPath = { light: vscode.Uri.joinPath(media, 'chat-tab-light.svg'), dark: vscode.Uri.joinPath(media, 'chat-tab-dark.svg') };
    this.setTitle(this.deps.controller.current.title);
    this.attached = vscode.Disposable.from(
      attachChatWebview(panel.webview, 'editor', this.deps),
      panel.onDidDispose(() => {
        this.attached?.dispose();
        this.attached = undefined;
        this.panel = undefined;
      }),
    );
  }
}
