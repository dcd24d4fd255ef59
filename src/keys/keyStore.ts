// API keys live in SecretStorage only, one per hub origin, so switching hubs switches keys; so do the values of a
// hub's secret headers (a gateway's own key, written "${secret}" in aihub.hubs), one per origin and header name.
import * as vscode from 'vscode';

export class KeyStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when a key changes here or in another window. */
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key.startsWith(PREFIX) || e.key.startsWith(HEADER_PREFIX)) this.emitter.fire();
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

  getHeader(baseUrl: string, name: string): Thenable<string | undefined> {
    return this.secrets.get(headerSecretName(baseUrl, name));
  }

  setHeader(baseUrl: string, name: string, value: string): Thenable<void> {
    return this.secrets.store(headerSecretName(baseUrl, name), value);
  }

  deleteHeader(baseUrl: string, name: string): Thenable<void> {
    return this.secrets.delete(headerSecretName(baseUrl, name));
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

const PREFIX = 'aihub.apiKey:';
const HEADER_PREFIX = 'aihub.hubHeader:';

/** Keys are stored per origin: the same hub reached as …/v1 or …/v1/ shares one key, another host never does. */
export function secretName(baseUrl: string): string {
  return `${PREFIX}${originOf(baseUrl)}`;
}

/** Header names are case-insensitive: `X-Portkey-Api-Key` and `x-portkey-api-key` are one secret. */
function headerSecretName(baseUrl: string, name: string): string {
  return `${HEADER_PREFIX}${originOf(baseUrl)}|${name.toLowerCase()}`;
}

function originOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
}
