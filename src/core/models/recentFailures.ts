// Models that could not serve a moment ago (no channel, not found, a 5xx): marked in the models view and the
// pickers for a while ("no channel, 3 min ago") so a person can pick another before trying. Only the last
// failure of each model is kept; it is forgotten after `RECENT_FAILURE_MS`.

export const RECENT_FAILURE_MS = 15 * 60 * 1000;

export interface RecentFailure {
  /** "no available channel (503)", as the fallback notice says it. */
  reason: string;
  at: number;
}

export class RecentFailures {
  private readonly failures = new Map<string, RecentFailure>();

  constructor(private readonly now: () => number = Date.now) {}

  record(model: string, reason: string): void {
    this.failures.set(model, { reason, at: this.now() });
  }

  /** A model that answered is not failing any more. */
  clear(model: string): boolean {
    return this.failures.delete(model);
  }

  /** "no channel, 3 min ago", or undefined when the model has not failed lately. */
  describe(model: string): string | undefined {
    const failure = this.failures.get(model);
    if (!failure) return undefined;
    const age = this.now() - failure.at;
    if (age > RECENT_FAILURE_MS) {
      this.failures.delete(model);
      return undefined;
    }
    const minutes = Math.floor(age / 60_000);
    return `${shortReason(failure.reason)}, ${minutes < 1 ? 'just now' : `${minutes} min ago`}`;
  }
}

function shortReason(reason: string): string {
  if (reason.startsWith('no available channel')) return 'no channel';
  if (reason.startsWith('model not found')) return 'not found';
  return reason.replace(/ \(.*\)$/, '');
}
