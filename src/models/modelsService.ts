// The hub's model list, shared by the models view, the chat panel's picker and the language-model provider:
// fetched once, cached in globalState with its fetch time (shown at once on the next start), refreshed on
// demand, on a hub or key change, and after a TTL.
import * as vscode from 'vscode';
import { isHubError, type HubErrorKind } from '../core/hub/errors';
import type { HubModel } from '../core/hub/types';
import type { Logger } from '../core/logger';
import { buildCatalog, type ModelInfo } from '../core/models/catalog';
import { compactRaw } from '../core/models/metadata';
import type { ModelPrice } from '../core/money/price';
import { RecentFailures } from '../core/models/recentFailures';
import type { HubService } from '../hubs/hubService';

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
  | { status: 'error'; message: string; kind?: HubErrorKind; httpStatus?: number };

export class ModelsService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when the list or its state changes. */
  readonly onDidChange = this.emitter.event;
  private inFlight: { generation: number; promise: Promise<HubModel[]> } | undefined;
  /** Bumped on every hub or key change, so a reply to an earlier request never overwrites a newer hub's list. */
  private generation = 0;
  private stateValue: ModelsState = { status: 'idle' };
  private readonly subscription: vscode.Disposable;
  private list: CachedList | undefined;
  private catalogMemo: { models: HubModel[]; catalog: ModelInfo[] } | undefined;
  private readonly failures = new RecentFailures();

  constructor(
    private readonly memento: vscode.Memento,
    private readonly hub: HubService,
    private readonly logger: Logger,
  ) {
    this.list = this.readCache();
    this.subscription = hub.onDidChangeHub(() => {
      this.generation++;
      void this.refresh().catch(() => undefined);
    });
  }

  get state(): ModelsState {
    return this.stateValue;
  }

  /** The last list for the current hub, without any network request (may be empty). */
  get cached(): HubModel[] {
    return this.list && this.list.baseUrl === this.hub.baseUrl ? this.list.models : [];
  }

  /** When the cached list was fetched (ms since the epoch), if there is one for the current hub. */
  get fetchedAt(): number | undefined {
    return this.list && this.list.baseUrl === this.hub.baseUrl ? this.list.fetchedAt : undefined;
  }

  /** The cached list described and sorted (provider, context, price, capabilities); built once per list. */
  get catalog(): ModelInfo[] {
    const models = this.cached;
    if (this.catalogMemo?.models !== models) this.catalogMemo = { models, catalog: buildCatalog(models) };
    return this.catalogMemo.catalog;
  }

  /** A model could not serve (no channel, not found, a 5xx): marked in the view and the pickers for a while. */
  recordFailure(modelId: string, reason: string): void {
    this.failures.record(modelId, reason);
    this.emitter.fire();
  }

  /** The model answered: no longer marked. */
  recordSuccess(modelId: string): void {
    if (this.failures.clear(modelId)) this.emitter.fire();
  }

  /** "no channel, 3 min ago" for a model that failed lately, else undefined. */
  failureOf(modelId: string): string | undefined {
    return this.failures.describe(modelId);
  }

  /** The model's published price, if the hub's list carries one (OpenRouter's does; new-api's does not). */
  priceOf(modelId: string): ModelPrice | undefined {
    return this.catalog.find((m) => m.id === modelId)?.price;
  }

  /** The list, from the cache when fresh, else from the hub. Throws the hub's error when it cannot be had. */
  async getModels(options: { refresh?: boolean } = {}): Promise<HubModel[]> {
    const fetchedAt = this.fetchedAt;
    if (fetchedAt !== undefined && Date.now() - fetchedAt < TTL_MS && !options.refresh) return this.cached;
    return this.refresh();
  }

  /** Fetches the list now; concurrent callers share one request. */
  refresh(): Promise<HubModel[]> {
    if (this.inFlight?.generation === this.generation) return this.inFlight.promise;
    const generation = this.generation;
    const promise = this.fetch(generation).finally(() => {
      if (this.inFlight?.promise === promise) this.inFlight = undefined;
    });
    this.inFlight = { generation, promise };
    // Only now: a listener that reacts to 'loading' by calling refresh() must find this request in flight.
    this.setState({ status: 'loading' });
    return promise;
  }

  /** The list request in flight, if any (for progress indicators; never starts one). */
  get pending(): Promise<HubModel[]> | undefined {
    return this.inFlight?.promise;
  }

  private async fetch(generation: number): Promise<HubModel[]> {
    const baseUrl = this.hub.baseUrl;
    try {
      const { models } = await this.hub.client().listModels();
      if (generation !== this.generation) return models;
      const fetchedAt = Date.now();
      this.list = { baseUrl, fetchedAt, models };
      // Only the fields the views read go to globalState: OpenRouter's full list is megabytes of descriptions.
      const compact = models.map((m) => ({ id: m.id, ownedBy: m.ownedBy, created: m.created, raw: compactRaw(m.raw) }));
      await this.memento.update(CACHE_KEY, { baseUrl, fetchedAt, models: compact } satisfies CachedList);
      this.setState({ status: 'ready', fetchedAt });
      this.logger.info(`models: ${models.length} from ${baseUrl}`);
      return models;
    } catch (err) {
      if (generation !== this.generation) throw err;
      if (isHubError(err) && err.kind === 'noKey') this.setState({ status: 'noKey' });
      else {
        const message = err instanceof Error ? err.message : String(err);
        this.logger.warn(`models: could not list models from ${baseUrl}: ${message}`);
        this.setState({
          status: 'error',
          message,
          kind: isHubError(err) ? err.kind : undefined,
          httpStatus: isHubError(err) ? err.status : undefined,
        });
      }
      throw err;
    }
  }

  /** The stored list, entry by entry: a malformed entry (an older format, a hand-edited state) is logged and skipped. */
  private readCache(): CachedList | undefined {
    const stored = this.memento.get<unknown>(CACHE_KEY);
    if (!stored || typeof stored !== 'object') return undefined;
    const { baseUrl, fetchedAt, models } = stored as Partial<Record<keyof CachedList, unknown>>;
    if (typeof baseUrl !== 'string' || typeof fetchedAt !== 'number' || !Array.isArray(models)) {
      this.logger.warn('models: ignored a cached model list in an unknown format');
      return undefined;
    }
    const valid = models.filter(isCachedModel);
    if (valid.length < models.length) this.logger.warn(`models: skipped ${models.length - valid.length} malformed cached entries`);
    return { baseUrl, fetchedAt, models: valid };
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

function isCachedModel(value: unknown): value is HubModel {
  if (!value || typeof value !== 'object') return false;
  const m = value as Partial<HubModel>;
  return typeof m.id === 'string' && m.id.length > 0 && !!m.raw && typeof m.raw === 'object';
}
