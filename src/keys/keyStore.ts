// API keys live in SecretStorage only, one per hub origin, so switching hubs switches keys.
import * as vscode from 'vscode';

export class KeyStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when a key changes here or in another window. */
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key.startsWith(PREFIX)) this.emitter.fire();
    });
  }

  get(baseUrl: string): Thenable<string | undefined> {
    return this.secrets.get(secretName(baseUrl));
  }

  set(baseUrl: string, key: string): Thenable<void> {
    return this.secrets.store(secretName(baseUrl), key);
  }

  delete(baseUrl: string): Thenable<void> {
    return this.secrets.delete(secretName(baseUrl));
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

const PREFIX = 'aihub.apiKey:';

/** Keys are stored per origin: the same hub reached as …/v1 or …/v1/ shares one key, another host never does. */
export function secretName(baseUrl: string): string {
  let origin: string;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    origin = baseUrl;
  }
  return `${PREFIX}${origin}`;
}
