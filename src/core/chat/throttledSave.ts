// Saves a conversation at most once per interval while a reply streams: every token would be a file write,
// but waiting for the end would lose the reply if the extension host dies mid-stream.

export class ThrottledSave {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  private lastRun = 0;

  constructor(
    private readonly save: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Marks the conversation changed; it is written within `intervalMs`. */
  touch(): void {
    this.dirty = true;
    if (this.timer) return;
    const wait = Math.max(0, this.lastRun + this.intervalMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run().catch(() => undefined);
    }, wait);
  }

  /** Writes now if anything changed since the last write (the end of a reply). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.run();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async run(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    this.lastRun = this.now();
    await this.save();
  }
}
