// Pinned model ids, kept in globalState (a short list of strings) so they follow the user across workspaces.
import * as vscode from 'vscode';

const KEY = 'aihub.favouriteModels';

export class Favourites implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly memento: vscode.Memento) {}

  get ids(): string[] {
    const stored = this.memento.get<unknown>(KEY);
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  }

  has(id: string): boolean {
    return this.ids.includes(id);
  }

  async pin(id: string): Promise<void> {
    if (this.has(id)) return;
    await this.memento.update(KEY, [...this.ids, id]);
    this.emitter.fire();
  }

  async unpin(id: string): Promise<void> {
    if (!this.has(id)) return;
    await this.memento.update(
      KEY,
      this.ids.filter((x) => x !== id),
    );
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
