// The chat in the sidebar (`aihub.chat`). The page is not kept alive while hidden: it asks for the state again
// (`ready`) when shown, and restores its own scroll position and draft from the webview state.
import * as vscode from 'vscode';
import { attachChatWebview, type ChatWebviewDeps } from './chatWebview';

export class ChatViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private attached: vscode.Disposable | undefined;

  constructor(private readonly deps: ChatWebviewDeps) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.attached?.dispose();
    this.view = view;
    void this.deps.controller.ready.then(() => {
      const current = this.deps.controller.current;
      if (this.view === view && current.turns.length > 0) view.description = current.title;
    });
    this.attached = vscode.Disposable.from(
      attachChatWebview(view.webview, 'sidebar', this.deps),
      view.onDidDispose(() => {
        this.attached?.dispose();
        this.attached = undefined;
        this.view = undefined;
      }),
    );
  }

  /** Shows the conversation's title beside the view's name. */
  setDescription(title: string | undefined): void {
    if (this.view) this.view.description = title;
  }

  dispose(): void {
    this.attached?.dispose();
  }
}
