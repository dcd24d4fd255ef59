// At most N requests of a comparison in flight; the others wait their turn in order. A waiter whose signal
// aborts leaves the queue without ever taking a slot.

export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: { grant(): void; signal?: AbortSignal; onAbort(): void }[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`the concurrency limit must be a whole number ≥ 1, not ${limit}`);
  }

  get inFlight(): number {
    return this.active;
  }

  /** Resolves with a release function once a slot is free; rejects with the signal's reason if it aborts first. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const release = this.releaser();
      if (this.active < this.limit) {
        this.active++;
        resolve(release);
        return;
      }
      const entry = {
        signal,
        grant: () => {
          signal?.removeEventListener('abort', entry.onAbort);
          this.active++;
          resolve(release);
        },
        onAbort: () => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', entry.onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.grant();
    };
  }
}
