// Aborts a request when the hub goes quiet for too long, and passes a caller's cancellation through.

export class IdleWatchdog {
  private readonly controller = new AbortController();
  private lastActivity = Date.now();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onUserAbort = () => this.controller.abort(this.userSignal?.reason);
  timedOut = false;

  constructor(
    private readonly idleMs: number,
    private readonly userSignal?: AbortSignal,
  ) {
    if (userSignal?.aborted) this.controller.abort(userSignal.reason);
    else userSignal?.addEventListener('abort', this.onUserAbort, { once: true });
    this.schedule(idleMs);
  }

  /** Aborts the fetch and its body: the hub sees the connection close. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Called on every piece of data; cheap, because streams deliver thousands of pieces a second. */
  touch(): void {
    this.lastActivity = Date.now();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.userSignal?.removeEventListener('abort', this.onUserAbort);
  }

  // One timer re-armed lazily for the remaining time, instead of a clearTimeout/setTimeout pair per chunk.
  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      const idle = Date.now() - this.lastActivity;
      if (idle >= this.idleMs) {
        this.timedOut = true;
        this.controller.abort(new Error('idle timeout'));
      } else {
        this.schedule(this.idleMs - idle);
      }
    }, ms);
    // A pending watchdog must not keep a Node process (tests, CLI) alive.
    (this.timer as { unref?: () => void }).unref?.();
  }
}
