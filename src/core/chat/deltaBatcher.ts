// Streamed text on its way to the webview: the first piece after a quiet spell goes out at once (what a person
// notices is the wait for the first words), later pieces are gathered into one message per interval so a fast
// stream does not flood the webview with thousands of messages a second.

/** At most one message per interval while a reply streams; the webview renders once per frame anyway. */
export const DELTA_INTERVAL_MS = 30;

export interface PendingDelta {
  conversationId: string;
  turnId: string;
  text: string;
  reasoning: string;
}

export interface DeltaBatcherOptions {
  /**
   * Several replies stream at once (a comparison's columns): each keeps its own pending text and all go out
   * together once per interval. Otherwise a piece of another reply first flushes the one before it.
   */
  concurrent?: boolean;
  now?: () => number;
}

export class DeltaBatcher {
  private readonly pending = new Map<string, PendingDelta>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastPost = -Infinity;
  private readonly concurrent: boolean;
  private readonly now: () => number;

  constructor(
    private readonly post: (delta: PendingDelta) => void,
    private readonly intervalMs: number,
    options: DeltaBatcherOptions | (() => number) = {},
  ) {
    const o = typeof options === 'function' ? { now: options } : options;
    this.concurrent = o.concurrent ?? false;
    this.now = o.now ?? (() => performance.now());
  }

  push(conversationId: string, turnId: string, delta: { text: string; reasoning: string }): void {
    if (!this.concurrent && this.pending.size > 0 && !this.pending.has(turnId)) this.flush();
    let pending = this.pending.get(turnId);
    if (!pending) {
      pending = { conversationId, turnId, text: '', reasoning: '' };
      this.pending.set(turnId, pending);
    }
    pending.text += delta.text;
    pending.reasoning += delta.reasoning;
    if (this.timer) return;
    const since = this.now() - this.lastPost;
    if (since >= this.intervalMs) this.flush();
    else this.timer = setTimeout(() => this.flush(), this.intervalMs - since);
  }

  /** Posts whatever is gathered now (a reply ended, a webview reloaded and must not see a token twice). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const deltas = [...this.pending.values()];
    this.pending.clear();
    this.lastPost = this.now();
    for (const delta of deltas) this.post(delta);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
