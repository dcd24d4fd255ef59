// Hands out a hub client for the current settings and key; the one place the extension builds clients.
import * as vscode from 'vscode';
import { HubClient } from '../core/hub/client';
import { HubError } from '../core/hub/errors';
import { isLoopbackUrl } from '../core/hubs/loopback';
import { insecureTransportError } from '../core/hubs/transport';
import type { Logger } from '../core/logger';
import { createMoneyFetch } from '../core/money/moneyFetch';
import type { MoneyGet } from '../core/money/moneyReader';
import type { ConfigStore } from '../config/configuration';
import type { HttpConsent } from './httpConsent';
import type { KeyStore } from '../keys/keyStore';

export class HubService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when the hub (base URL) or its key changes: cached model lists must be refetched. */
  readonly onDidChangeHub = this.emitter.event;
  private readonly replyEmitter = new vscode.EventEmitter<{ error?: HubError }>();
  /** Fires when any request for a reply ended (from any surface): the balance may have changed. */
  readonly onDidReply = this.replyEmitter.event;
  private readonly subscriptions: vscode.Disposable[];
  private lastBaseUrl: string;

  constructor(
    private readonly config: ConfigStore,
    private readonly keys: KeyStore,
    private readonly logger: Logger,
    private readonly userAgent: string,
    /** Origins the user allowed plain http:// for. */
    readonly httpConsent: HttpConsent,
  ) {
    this.lastBaseUrl = config.current.baseUrl;
    this.subscriptions = [
      config.onDidChange((c) => {
        if (c.baseUrl === this.lastBaseUrl) return;
        this.lastBaseUrl = c.baseUrl;
        this.emitter.fire();
      }),
      keys.onDidChange(() => this.emitter.fire()),
    ];
  }

  get baseUrl(): string {
    return this.config.current.baseUrl;
  }

  /** Whether the current hub may be asked without a key: only one on this machine (Ollama, the demo hub). */
  get keyOptional(): boolean {
    return isLoopbackUrl(this.baseUrl);
  }

  /** True when requests can be sent: a key is stored for this hub, or the hub is local and needs none. */
  hasKey(): Thenable<boolean> {
    return this.keys.get(this.baseUrl).then((k) => !!k || this.keyOptional);
  }

  /** A client bound to the settings of this moment; cheap, so callers make one per request. */
  client(): HubClient {
    const { baseUrl, maxRetries, requestTimeoutSeconds } = this.config.current;
    return new HubClient({
      baseUrl,
      getApiKey: () => this.keys.get(baseUrl),
      keyOptional: isLoopbackUrl(baseUrl),
      fetch: this.guardedFetch,
      logger: this.logger,
      maxRetries,
      idleTimeoutMs: requestTimeoutSeconds * 1000,
      userAgent: this.userAgent,
      onReplyEnd: (error) => this.replyEmitter.fire({ error }),
    });
  }

  /** GETs for prices and balances: the current hub's origin only, its key, no redirects, never throwing. */
  moneyFetch(): MoneyGet {
    const baseUrl = this.baseUrl;
    return createMoneyFetch({
      baseUrl,
      getApiKey: () => this.keys.get(baseUrl),
      fetch: this.guardedFetch,
      logger: this.logger,
      userAgent: this.userAgent,
    });
  }

  /**
   * Every request (and every redirect hop) passes here: plain http:// to another machine is refused before a byte
   * (or the key) is sent, unless the user confirmed that origin. A HubError of kind `config` is not retried.
   */
  private readonly guardedFetch: typeof globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const refused = insecureTransportError(url, this.httpConsent.confirmedOrigins);
    if (refused) return Promise.reject(new HubError({ kind: 'config', message: refused }));
    return globalThis.fetch(input, init);
  };

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.emitter.dispose();
    this.replyEmitter.dispose();
  }
}
