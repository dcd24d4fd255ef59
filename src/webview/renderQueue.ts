// Saved replies are drawn a few blocks at a time, from one queue for the whole page, so opening a conversation of
// hundreds of long replies never blocks the panel: each frame spends a fixed budget, first on replies on (or near)
// the screen, then on the latest ones (the chat opens at its end) and upwards from there.

/** Work per frame, in milliseconds: a frame's scripting stays well under the 50 ms of a long task. */
export const FRAME_BUDGET_MS = 8;

export interface RenderJob {
  /** Where the job draws: the queue watches it to draw what is on screen first. */
  readonly element: HTMLElement;
  /** Draws one more piece; false when there is nothing left to draw. */
  step(): boolean;
  /** Called once after a frame in which the job drew something. */
  drew?(): void;
}

class RenderQueue {
  /** Oldest first; drawn from the end, so the latest reply comes first. */
  private readonly jobs: RenderJob[] = [];
  private readonly nearScreen = new Set<Element>();
  private observer: IntersectionObserver | undefined;
  /** A job adding jobs while the queue runs (a batch of turns, each reply a job) waits for the next frame. */
  private running = false;
  private frame: number | undefined;

  add(job: RenderJob): void {
    this.jobs.push(job);
    this.observe().observe(job.element);
    // In the next frame, not at once: a whole conversation is queued before the first piece is drawn, so the budget
    // goes to its end (on screen) and not to its first reply; and not at the end of the current task either, which
    // made the task that opened a 500-turn conversation (its `state` message: checking and building the turns) one
    // long task with the first budget of drawing, and that first budget pays one-time costs (highlight.js compiling
    // a grammar, the JIT). The frame draws before it paints, so nothing shows undrawn.
    if (!this.running && this.frame === undefined) this.frame = requestAnimationFrame(() => this.run());
  }

  remove(job: RenderJob): void {
    const at = this.jobs.indexOf(job);
    if (at < 0) return;
    this.jobs.splice(at, 1);
    this.observer?.unobserve(job.element);
    this.nearScreen.delete(job.element);
  }

  private run(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    const started = performance.now();
    const drew = new Set<RenderJob>();
    this.running = true;
    try {
      while (this.jobs.length > 0 && performance.now() - started < FRAME_BUDGET_MS) {
        const job = this.next();
        drew.add(job);
        if (!job.step()) this.remove(job);
      }
    } finally {
      this.running = false;
    }
    for (const job of drew) job.drew?.();
    if (this.jobs.length > 0 && this.frame === undefined) this.frame = requestAnimationFrame(() => this.run());
  }

  private next(): RenderJob {
    for (let i = this.jobs.length - 1; i >= 0; i--) if (this.nearScreen.has(this.jobs[i].element)) return this.jobs[i];
    return this.jobs[this.jobs.length - 1];
  }

  private observe(): IntersectionObserver {
    // A screen's height above and below counts as on screen: it is drawn before the person scrolls to it.
    this.observer ??= new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (e.isIntersecting) this.nearScreen.add(e.target);
          else this.nearScreen.delete(e.target);
        }
      },
      { rootMargin: '100% 0px' },
    );
    return this.observer;
  }
}

/** The page's one queue. */
export const renderQueue = new RenderQueue();
