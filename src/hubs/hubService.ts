// Hands out a hub client for the current settings and key; the one place the extension builds clients.
import * as vscode from 'vscode';
import { HubClient } from '../core/hub/client';
import { HubError } from '../core/hub/errors';
import { describeHeaders, readHubHeaders, resolveHubHeaders, type HubHeaderConfig } from '../core/hubs/hubHeaders';
import { isLoopbackUrl } from '../core/hubs/loopback';
import { savedHubFor } from '../core/hubs/savedHubs';
import { effortFor } from '../core/lm/reasoningEffort';
import { insecureTransportError } from '../core/hubs/transport';
import type { Logger } from '../core/logger';
import { createMoneyFetch } from '../core/money/moneyFetch';
import type { MoneyGet } from '../core/money/moneyReader';
import type { ConfigStore } from '../config/configuration';
import type { HttpConsent } from './httpConsent';
import type { KeyStore } from '../keys/keyStore';

export class HubService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when the hub (base URL), its key or its headers change: cached model lists must be refetched. */
  readonly onDidChangeHub = this.emitter.event;
  private readonly replyEmitter = new vscode.EventEmitter<{ error?: HubError }>();
  /** Fires when any request for a reply ended (from any surface): the balance may have changed. */
  readonly onDidReply = this.replyEmitter.event;
  private readonly subscriptions: vscode.Disposable[];
  private lastHub: string;
  private reportedHeaders = '';

  constructor(
    private readonly config: ConfigStore,
    private readonly keys: KeyStore,
    private readonly logger: Logger,
    private readonly userAgent: string,
    /** Origins the user allowed plain http:// for. */
    readonly httpConsent: HttpConsent,
  ) {
    this.lastHub = this.hubSignature();
    this.subscriptions = [
      config.onDidChange(() => {
        const signature = this.hubSignature();
        if (signature === this.lastHub) return;
        this.lastHub = signature;
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

  /** The active hub's extra headers and key header (`aihub.hubs`), problems included. */
  get headerConfig(): HubHeaderConfig {
    return readHubHeaders(savedHubFor(this.config.current.hubs, this.baseUrl));
  }

  /** A client bound to the settings of this moment; cheap, so callers make one per request. */
  client(): HubClient {
    const { baseUrl, maxRetries, requestTimeoutSeconds } = this.config.current;
    const headers = this.headerConfig;
    this.reportProblems(headers);
    return new HubClient({
      baseUrl,
      getApiKey: () => this.keys.get(baseUrl),
      getHeaders: async () => {
        const resolved = await resolveHubHeaders(headers, (name) => this.keys.getHeader(baseUrl, name));
        if (resolved.missing.length > 0) {
          throw new HubError({
            kind: 'config',
            message:
              resolved.missing.length > 1
                ? vscode.l10n.t(
                    'No value is stored for this hub\'s secret headers {0}. Run "AI Hub: Set Hub Header…" to set them.',
                    resolved.missing.join(', '),
                  )
                : vscode.l10n.t(
                    'No value is stored for this hub\'s secret header {0}. Run "AI Hub: Set Hub Header…" to set it.',
                    resolved.missing[0],
                  ),
          });
        }
        return resolved;
      },
      authHeader: headers.authHeader,
      requestDefaults: (model) => {
        const effort = effortFor(model, this.config.current.reasoningEffort);
        return effort ? { reasoning_effort: effort } : {};
      },
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

  /** The settings that decide where requests go and what they carry; a change means another hub to the models list. */
  private hubSignature(): string {
    const { baseUrl, hubs } = this.config.current;
    const saved = savedHubFor(hubs, baseUrl);
    return JSON.stringify([baseUrl, saved?.headers ?? null, saved?.authHeader ?? null]);
  }

  /** Which headers go out (names only) and which were left out and why: logged once, and again when they change. */
  private reportProblems(config: HubHeaderConfig): void {
    const problems = config.problems.join(' ');
    const described = describeHeaders(config);
    const report = JSON.stringify([this.baseUrl, problems, described, config.authHeader]);
    if (report === this.reportedHeaders) return;
    this.reportedHeaders = report;
    if (problems) this.logger.warn(`aihub.hubs entry for ${this.baseUrl}: ${problems}`);
    if (described) this.logger.info(`hub headers for ${this.baseUrl}: ${described}; key in ${config.authHeader}`);
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
