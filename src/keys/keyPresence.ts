// Whether the current hub can be asked (a key is stored, or the hub is local and needs none), mirrored into the
// `aihub.hasKey` context key that the views' welcome content depends on. The one place that sets that key.
import * as vscode from 'vscode';
import { ContextKeys } from '../ids';
import type { Services } from '../services';

export class KeyPresence implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private known: boolean | undefined;
  private storedKey = false;
  private sequence = 0;
  private readonly subscription: vscode.Disposable;
  private pending: Promise<void> | undefined;

  constructor(private readonly services: Services) {
    // HubService fires on a key change (here or in another window) and on a base-URL change.
    this.subscription = services.hub.onDidChangeHub(() => void this.update());
    void this.update();
  }

  /** Undefined until the first look into SecretStorage has answered. */
  get hasKey(): boolean | undefined {
    return this.known;
  }

  /** Whether a key is stored for this hub (a local hub may work without one). */
  get stored(): boolean {
    return this.storedKey;
  }

  /** Resolves once the current answer is known. */
  ready(): Promise<void> {
    return this.pending ?? Promise.resolve();
  }

  private update(): Promise<void> {
    const { hub, keys } = this.services;
    const sequence = ++this.sequence;
    const run = Promise.resolve(keys.get(hub.baseUrl)).then(async (key) => {
      // A later change (another hub, another key) may answer first; only the newest answer counts.
      if (sequence !== this.sequence) return;
      const stored = !!key;
      // The rule of HubService.hasKey(), kept apart here because the status bar must tell the two cases apart.
      const hasKey = stored || hub.keyOptional;
      const changed = hasKey !== this.known || stored !== this.storedKey;
      this.known = hasKey;
      this.storedKey = stored;
      if (changed) this.emitter.fire();
      await vscode.commands.executeCommand('setContext', ContextKeys.hasKey, hasKey);
    });
    this.pending = run.catch((err) => this.services.log.warn(`key: could not read the key store: ${String(err)}`));
    return this.pending;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
