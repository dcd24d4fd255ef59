// What the surfaces (chat panel, selection commands, vscode.lm, Compare) ask for instead of a bare hub client: the
// same client, measured, so each of their replies adds one line to the usage log, priced where the hub publishes
// the model's price (or reports the cost itself).
import { costOf } from '../core/money/price';
import { meterStream, type StreamingClient } from '../core/usage/meter';
import type { UsageSurface } from '../core/usage/record';
import type { HubService } from '../hubs/hubService';
import type { Logger } from '../core/logger';
import type { ModelsService } from '../models/modelsService';
import type { UsageLog } from './usageLog';

export class UsageRecorder {
  constructor(
    private readonly hub: HubService,
    private readonly models: Pick<ModelsService, 'priceOf'>,
    readonly log: UsageLog,
    private readonly logger: Logger,
  ) {}

  /** A client for one reply (or a few) from `surface`, bound to the hub and settings of this moment. */
  client(surface: UsageSurface): StreamingClient {
    return meterStream(this.hub.client(), {
      surface,
      hub: this.hub.baseUrl,
      write: (record) => this.log.append(record),
      // Money core's prices are in US dollars; "unknown" stays unknown (null in the record), never zero.
      costOf: ({ model, usage }) => {
        const cost = costOf(usage, this.models.priceOf(model));
        return cost === 'unknown' ? undefined : { cost, currency: 'USD' };
      },
      onWriteError: (err) => this.logger.warn(`usage: could not record a reply: ${err instanceof Error ? err.message : String(err)}`),
    });
  }
}
