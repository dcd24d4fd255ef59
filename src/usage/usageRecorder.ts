// What the three surfaces (chat panel, selection commands, vscode.lm) ask for instead of a bare hub client: the
// same client, measured, so each of their replies adds one line to the usage log.
import { meterStream, type StreamingClient } from '../core/usage/meter';
import type { UsageSurface } from '../core/usage/record';
import type { HubService } from '../hubs/hubService';
import type { Logger } from '../core/logger';
import type { UsageLog } from './usageLog';

export class UsageRecorder {
  constructor(
    private readonly hub: HubService,
    readonly log: UsageLog,
    private readonly logger: Logger,
  ) {}

  /** A client for one reply (or a few) from `surface`, bound to the hub and settings of this moment. */
  client(surface: UsageSurface): StreamingClient {
    return meterStream(this.hub.client(), {
      surface,
      hub: this.hub.baseUrl,
      write: (record) => this.log.append(record),
      onWriteError: (err) => this.logger.warn(`usage: could not record a reply: ${err instanceof Error ? err.message : String(err)}`),
    });
  }
}
