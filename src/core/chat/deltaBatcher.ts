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

export class DeltaBatcher {
  private pending: PendingDelta | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastPost = -Infinity;

  constructor(
    private readonly post: (delta: PendingDelta) => void,
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(conversationId: string, turnId: string, delta: { text: string; reasoning: string }): void {
    if (this.pending && this.pending.turnId !== turnId) this.flush();
    this.pending ??= { conversationId, turnId, text: '', reasoning: '' };
    this.pending.text += delta.text;
    this.pending.reasoning += delta.reasoning;
    if (this.timer) return;
    const since = this.now() - this.lastPost;
    if (since >= this.intervalMs) this.flush();
    else this.timer = setTimeout(() => this.flush(), this.intervalMs - since);
  }

  /** Posts whatever is gathered now (a reply ended, a webview reloaded and must not see a token twice). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const delta = this.pending;
    this.pending = undefined;
    if (!delta) return;
    this.lastPost = this.now();
    this.post(delta);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }
}
