// The hub's model list, shared by the models view, the chat panel's picker and the language-model provider:
// fetched once, cached in globalState with its fetch time (shown at once on the next start), refreshed on
// demand, on a hub or key change, and after a TTL.
import * as vscode from 'vscode';
import { isHubError, type HubErrorKind } from '../core/hub/errors';
import type { HubModel } from '../core/hub/types';
import type { Logger } from '../core/logger';
import type { ModelInfo } from '../core/models/catalog';
import { CatalogInSlices } from '../core/models/catalogInSlices';
import { resolveLimits, type LimitOverride, type ResolvedLimits } from '../core/models/limits';
import { compactRaw } from '../core/models/metadata';
import type { HubStatus } from '../core/money/hubStatus';
import { readHubPricing, readHubStatus } from '../core/money/moneyReader';
import type { ModelPrice } from '../core/money/price';
import { RecentFailures } from '../core/models/recentFailures';
import type { HubService } from '../hubs/hubService';

const CACHE_KEY = 'aihub.modelsCache';
const TTL_MS = 30 * 60 * 1000;

interface CachedList {
  baseUrl: string;
  fetchedAt: number;
  models: HubModel[];
  /** The hub's own price list (new-api's /api/pricing), for models whose entry in the list carries none. */
  prices?: [string, ModelPrice][];
  /** new-api's /api/status: currency, quota per dollar, top-up link. */
  status?: HubStatus;
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
  private catalogMemo: { list: CachedList | undefined; catalog: CatalogInSlices } | undefined;
  private statusRequest: { baseUrl: string; promise: Promise<HubStatus | undefined> } | undefined;
  private readonly failures = new RecentFailures();

  constructor(
    private readonly memento: vscode.Memento,
    private readonly hub: HubService,
    private readonly logger: Logger,
  ) {
    this.list = this.readCache();
    // Described in slices from the next turn on: the views ask for the catalogue after activation.
    void this.prepareCatalog();
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

  /**
   * The cached list described and sorted (provider, context, price, capabilities); built once per list, in slices
   * ahead of time when the list arrives (whatever is left is built when asked sooner).
   */
  get catalog(): ModelInfo[] {
    return this.currentCatalog().get();
  }

  /**
   * Resolves when the current list's catalogue is built, in slices (a view that waits for it never builds 5,000
   * models in one piece); undefined when it already is.
   */
  whenCatalogBuilt(): Promise<void> | undefined {
    const catalog = this.currentCatalog();
    return catalog.built ? undefined : catalog.prepare();
  }

  private currentCatalog(): CatalogInSlices {
    const list = this.list && this.list.baseUrl === this.hub.baseUrl ? this.list : undefined;
    if (!this.catalogMemo || this.catalogMemo.list !== list) {
      this.catalogMemo = { list, catalog: new CatalogInSlices(list?.models ?? [], list?.prices ? new Map(list.prices) : undefined) };
    }
    return this.catalogMemo.catalog;
  }

  /** Builds the current list's catalogue in slices, before the listeners told of the list ask for it. */
  private prepareCatalog(): Promise<void> {
    return this.currentCatalog().prepare();
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

  /** The model's limits, resolved as every surface resolves them (`aihub.modelLimits`, the hub, the family table). */
  limitsOf(modelId: string, overrides: Record<string, LimitOverride>): ResolvedLimits {
    return resolveLimits(this.catalog.find((m) => m.id === modelId) ?? { id: modelId }, overrides);
  }

  /** The model's published price, if the hub's list carries one (OpenRouter's does; new-api's does not). */
  priceOf(modelId: string): ModelPrice | undefined {
    return this.catalog.find((m) => m.id === modelId)?.price;
  }

  /**
   * The hub's /api/status (currency, quota per dollar, top-up link): from the cached list when it has one, else
   * asked once per hub and session. Undefined for hubs that do not serve it.
   */
  hubStatus(): Promise<HubStatus | undefined> {
    const baseUrl = this.hub.baseUrl;
    if (this.list?.baseUrl === baseUrl && this.list.status) return Promise.resolve(this.list.status);
    if (this.statusRequest?.baseUrl !== baseUrl) this.statusRequest = { baseUrl, promise: readHubStatus(this.hub.moneyFetch(), baseUrl) };
    return this.statusRequest.promise;
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
      // The last prices stay on screen until the new ones arrive: they change far less often than the list.
      const previous = this.list?.baseUrl === baseUrl ? this.list : undefined;
      this.list = { baseUrl, fetchedAt, models, prices: previous?.prices, status: previous?.status };
      await this.save();
      await this.prepareCatalog();
      this.setState({ status: 'ready', fetchedAt });
      this.logger.info(`models: ${models.length} from ${baseUrl}`);
      void this.fetchPrices(generation, baseUrl, models);
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

  /**
   * new-api / one-api publish prices apart from the list (OpenRouter puts them in it): read after the list is on
   * screen, so a slow or missing pricing endpoint never delays the models. Failures leave prices "unknown".
   */
  private async fetchPrices(generation: number, baseUrl: string, models: HubModel[]): Promise<void> {
    if (models.length > 0 && models.every((m) => m.raw.pricing !== undefined)) return;
    const get = this.hub.moneyFetch();
    this.statusRequest = { baseUrl, promise: readHubStatus(get, baseUrl) };
    const status = await this.statusRequest.promise;
    const pricing = await readHubPricing(get, baseUrl, status);
    if (generation !== this.generation || this.list?.baseUrl !== baseUrl) return;
    this.list = { ...this.list, status, prices: pricing ? [...pricing.prices] : undefined };
    if (pricing) this.logger.info(`models: ${pricing.prices.size} prices from ${baseUrl} (group ${pricing.group.name || 'unknown'})`);
    await this.save();
    await this.prepareCatalog();
    this.emitter.fire();
  }

  private async save(): Promise<void> {
    const list = this.list;
    if (!list) return;
    // Only the fields the views read go to globalState: OpenRouter's full list is megabytes of descriptions.
    const models = list.models.map((m) => ({ id: m.id, ownedBy: m.ownedBy, created: m.created, raw: compactRaw(m.raw) }));
    await this.memento.update(CACHE_KEY, { ...list, models } satisfies CachedList);
  }

  /** The stored list, entry by entry: a malformed entry (an older format, a hand-edited state) is logged and skipped. */
  private readCache(): CachedList | undefined {
    const stored = this.memento.get<unknown>(CACHE_KEY);
    if (!stored || typeof stored !== 'object') return undefined;
    const { baseUrl, fetchedAt, models, prices, status } = stored as Partial<Record<keyof CachedList, unknown>>;
    if (typeof baseUrl !== 'string' || typeof fetchedAt !== 'number' || !Array.isArray(models)) {
      this.logger.warn('models: ignored a cached model list in an unknown format');
      return undefined;
    }
    const valid = models.filter(isCachedModel);
    if (valid.length < models.length) this.logger.warn(`models: skipped ${models.length - valid.length} malformed cached entries`);
    return {
      baseUrl,
      fetchedAt,
      models: valid,
      // Written by this code; a malformed value only loses the prices until the next refresh.
      prices: Array.isArray(prices) ? (prices as [string, ModelPrice][]) : undefined,
      status: status && typeof status === 'object' ? (status as HubStatus) : undefined,
    };
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
