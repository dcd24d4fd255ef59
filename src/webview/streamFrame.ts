// Every streaming message on the page is drawn from one animation frame callback with one budget: three Compare
// columns (or a reply and its thinking) share a frame's drawing time instead of spending one budget each, so a frame
// costs about what one stream's does. Each stream takes its turn first in rotation: none waits more than a few
// frames behind the others.
import { FRAME_BUDGET_MS } from './renderQueue';

export interface StreamDrawer {
  /**
   * Draws what arrived since its last turn, at least one piece, and more while `performance.now()` is before
   * `deadline`; true when some is left for the next frame.
   */
  drawFrame(deadline: number): boolean;
}

class StreamFrame {
  /** The streams with something to draw, in the order they take their turn in the next frame. */
  private due: StreamDrawer[] = [];
  private frame: number | undefined;

  request(drawer: StreamDrawer): void {
    if (!this.due.includes(drawer)) this.due.push(drawer);
    this.frame ??= requestAnimationFrame(() => this.run());
  }

  cancel(drawer: StreamDrawer): void {
    this.due = this.due.filter((d) => d !== drawer);
  }

  private run(): void {
    this.frame = undefined;
    const turn = this.due;
    this.due = [];
    const deadline = performance.now() + FRAME_BUDGET_MS;
    const waited: StreamDrawer[] = [];
    const again: StreamDrawer[] = [];
    turn.forEach((drawer, i) => {
      // The first always draws (a frame makes progress); the rest while the budget lasts, and first next frame.
      if (i > 0 && performance.now() >= deadline) waited.push(drawer);
      else if (drawer.drawFrame(deadline)) again.push(drawer);
    });
    // Requests made while drawing (none today) keep their place after these.
    this.due = [...waited, ...again, ...this.due.filter((d) => !waited.includes(d) && !again.includes(d))];
    if (this.due.length > 0) this.frame ??= requestAnimationFrame(() => this.run());
  }
}

/** The page's one stream frame. */
export const streamFrame = new StreamFrame();
