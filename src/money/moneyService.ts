// The key's balance for the current hub: which endpoint answers is found once per hub and remembered; read
// after replies (throttled), on demand and on a hub or key change. Never awaited by a chat: every request here
// runs beside the reply, and every failure ends as "unknown".
import * as vscode from 'vscode';
import { isLoopbackUrl } from '../core/hubs/loopback';
import { presetFor } from '../core/hubs/presets';
import type { Balance } from '../core/money/balance';
import { topUpAddress } from '../core/money/hubStatus';
import { readBalance, type BalanceSupport } from '../core/money/moneyReader';
import type { Services } from '../services';

const SUPPORT_KEY = 'aihub.balanceSupport';
/** Replies come in bursts (agent mode): one balance read per this interval is plenty. */
const AFTER_REPLY_INTERVAL_MS = 30_000;
/** A hub that served no balance endpoint is asked again after this long (it may be upgraded). */
const UNSUPPORTED_RETRY_MS = 24 * 60 * 60 * 1000;

export type BalanceState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'noKey' }
  | { kind: 'balance'; balance: Balance; at: number }
  | { kind: 'unsupported' }
  | { kind: 'unavailable'; detail: string };

type SupportMemory = Record<string, { support: BalanceSupport; at: number }>;

export class MoneyService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private stateValue: BalanceState = { kind: 'idle' };
  private generation = 0;
  private inFlight: { generation: number; promise: Promise<void> } | undefined;
  private lastRead = 0;
  private trailing: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly services: Services) {
    this.subscriptions = [
      services.hub.onDidChangeHub(() => {
        this.generation++;
        this.setState({ kind: 'idle' });
        void this.refresh();
      }),
      services.hub.onDidReply(() => this.afterReply()),
    ];
    void this.refresh();
  }

  get state(): BalanceState {
    return this.stateValue;
  }

  /**
   * Reads the balance now; concurrent callers share one read. `force` (the user asked) also asks a hub that was
   * found to publish no balance.
   */
  refresh(force = false): Promise<void> {
    if (this.inFlight?.generation === this.generation) return this.inFlight.promise;
    const generation = this.generation;
    const promise = this.read(generation, force).finally(() => {
      if (this.inFlight?.promise === promise) this.inFlight = undefined;
    });
    this.inFlight = { generation, promise };
    return promise;
  }

  /** The hub's top-up page, if it has one anyone knows of. */
  async topUpUrl(): Promise<string | undefined> {
    const baseUrl = this.services.hub.baseUrl;
    const status = await this.services.models.hubStatus();
    const saved = this.services.config.current.hubs.find((h) => h.baseUrl === baseUrl)?.topUpUrl;
    return topUpAddress(status, presetFor(baseUrl)?.consoleUrl, saved);
  }

  /** At most one read per interval, the last reply of a burst always followed by one. */
  private afterReply(): void {
    const wait = this.lastRead + AFTER_REPLY_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      void this.refresh();
      return;
    }
    if (this.trailing) return;
    this.trailing = setTimeout(() => {
      this.trailing = undefined;
      void this.refresh();
    }, wait);
  }

  private async read(generation: number, force: boolean): Promise<void> {
    const { hub, models, keys, context, log } = this.services;
    const baseUrl = hub.baseUrl;
    this.lastRead = Date.now();
    if (!(await keys.get(baseUrl)) && !isLoopbackUrl(baseUrl)) return this.settle(generation, { kind: 'noKey' });
    const memory = context.globalState.get<SupportMemory>(SUPPORT_KEY) ?? {};
    const remembered = memory[baseUrl];
    if (!force && remembered?.support === 'none' && Date.now() - remembered.at < UNSUPPORTED_RETRY_MS) {
      return this.settle(generation, { kind: 'unsupported' });
    }
    if (this.stateValue.kind !== 'balance') this.setState({ kind: 'loading' });
    try {
      const status = await models.hubStatus();
      const known = remembered?.support === 'none' ? undefined : remembered?.support;
      const result = await readBalance(hub.moneyFetch(), baseUrl, status, known);
      if (generation !== this.generation) return;
      const support: BalanceSupport | undefined =
        result.kind === 'balance' ? result.balance.source : result.kind === 'unsupported' ? 'none' : undefined;
      if (support && support !== remembered?.support) {
        log.info(`money: ${baseUrl} balance endpoint: ${support}`);
        await context.globalState.update(SUPPORT_KEY, { ...memory, [baseUrl]: { support, at: Date.now() } });
      }
      if (result.kind === 'balance') this.settle(generation, { kind: 'balance', balance: result.balance, at: Date.now() });
      else if (result.kind === 'unsupported') this.settle(generation, { kind: 'unsupported' });
      else {
        log.debug(`money: balance unavailable: ${result.detail}`);
        this.settle(generation, { kind: 'unavailable', detail: result.detail });
      }
    } catch (err) {
      // The readers never throw; this is a bug's safety net, never a popup.
      log.warn(`money: ${err instanceof Error ? err.message : String(err)}`);
      this.settle(generation, { kind: 'unavailable', detail: 'error' });
    }
  }

  private settle(generation: number, state: BalanceState): void {
    if (generation === this.generation) this.setState(state);
  }

  private setState(state: BalanceState): void {
    this.stateValue = state;
    this.emitter.fire();
  }

  dispose(): void {
    clearTimeout(this.trailing);
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.emitter.dispose();
  }
}
