// The catalogue of one model list, described a slice at a time before anyone asks (a big hub's 5,000 models are
// over 100 ms of work, which in one piece holds up the whole extension host at startup), and finished at once
// when a caller needs it sooner. Either way it is buildCatalog's catalogue.
import type { HubModel } from '../hub/types';
import type { ModelPrice } from '../money/price';
import { runInSlices, SLICE_BUDGET_MS } from '../timeSlices';
import { describeModel, sortCatalog, type ModelInfo } from './catalog';

export class CatalogInSlices {
  private readonly described: ModelInfo[] = [];
  private catalog: ModelInfo[] | undefined;
  private preparing: Promise<void> | undefined;

  constructor(
    private readonly models: readonly HubModel[],
    private readonly prices?: ReadonlyMap<string, ModelPrice>,
    private readonly budgetMs = SLICE_BUDGET_MS,
  ) {}

  /** The catalogue now: the models the slices have not described yet are described in this call. */
  get(): ModelInfo[] {
    if (!this.catalog) {
      for (let i = this.described.length; i < this.models.length; i++) this.described.push(describeModel(this.models[i], this.prices));
      this.catalog = sortCatalog(this.described);
    }
    return this.catalog;
  }

  /** True once the whole catalogue is built (`get()` costs nothing then). */
  get built(): boolean {
    return this.catalog !== undefined;
  }

  /** Builds the catalogue in slices, from a later turn of the event loop (never in the caller's task); once. */
  prepare(): Promise<void> {
    return (this.preparing ??= (async () => {
      await runInSlices(() => {
        if (this.catalog || this.described.length === this.models.length) return false;
        this.described.push(describeModel(this.models[this.described.length], this.prices));
        return true;
      }, this.budgetMs);
      this.get();
    })());
  }
}
