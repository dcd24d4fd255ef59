// The hub's model list, shared by the models view, the chat panel's picker and the language-model provider:
// fetched once, cached in globalState with its fetch time, refreshed on demand, on a hub or key change, and
// after a TTL.
import * as vscode from 'vscode';
import { isHubError } from '../core/hub/errors';
import type { HubModel } from '../core/hub/types';
import type { Logger } from '../core/logger';
import type { HubService } from '../hub/hubService';

const CACHE_KEY = 'aihub.modelsCache';
const TTL_MS = 30 * 60 * 1000;

interface CachedList {
  baseUrl: string;
  fetchedAt: number;
  models: HubModel[];
}

export type ModelsState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; fetchedAt: number }
  | { status: 'noKey' }
  | { status: 'error'; message: string };

export class ModelsService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when the list or its state changes. */
  readonly onDidChange = this.emitter.event;
  private inFlight: Promise<HubModel[]> | undefined;
  private stateValue: ModelsState = { status: 'idle' };
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly hub: HubService,
    private readonly logger: Logger,
  ) {
    this.subscription = hub.onDidChangeHub(() => {
      void this.refresh().catch(() => undefined);
    });
  }

  get state(): ModelsState {
    return this.stateValue;
  }

  /** The cached list for the current hub, without any network request (may be empty). */
  get cached(): HubModel[] {
    const cache = this.memento.get<CachedList>(CACHE_KEY);
    return cache && cache.baseUrl === this.hub.baseUrl ? cache.models : [];
  }

  /** The list, from the cache when fresh, else from the hub. Throws the hub's error when it cannot be had. */
  async getModels(options: { refresh?: boolean } = {}): Promise<HubModel[]> {
    const cache = this.memento.get<CachedList>(CACHE_KEY);
    const fresh = cache && cache.baseUrl === this.hub.baseUrl && Date.now() - cache.fetchedAt < TTL_MS;
    if (fresh && !options.refresh) return cache.models;
    return this.refresh();
  }

  /** Fetches the list now; concurrent callers share one request. */
  refresh(): Promise<HubModel[]> {
    this.inFlight ??= this.fetch().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async fetch(): Promise<HubModel[]> {
    const baseUrl = this.hub.baseUrl;
    this.setState({ status: 'loading' });
    try {
      const { models } = await this.hub.client().listModels();
      await this.memento.update(CACHE_KEY, { baseUrl, fetchedAt: Date.now(), models } satisfies CachedList);
      this.setState({ status: 'ready', fetchedAt: Date.now() });
      this.logger.info(`models: ${models.length} from ${baseUrl}`);
      return models;
    } catch (err) {
      if (isHubError(err) && err.kind === 'noKey') this.setState({ status: 'noKey' });
      else this.setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  }

  private setState(state: ModelsState): void {
    this.stateValue = state;
    this.emitter.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
