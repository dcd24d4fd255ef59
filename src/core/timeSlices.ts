// Long synchronous work split into slices, with the event loop free between them: the extension host is shared
// by every extension, and one task of hundreds of ms there holds up all of them (and VS Code's own requests).

/** How long one slice may run before the loop gets a turn (well under the 50 ms that counts as a long task). */
export const SLICE_BUDGET_MS = 8;

/**
 * Sliced jobs waiting for their next slice, in order. Several run at once at startup (the catalogue, VS Code's
 * picker entries, the chat's model options): each would otherwise take a slice in the same turn of the loop, and
 * three budgets back to back are a long task again. So one slice of ours runs per turn, whoever it belongs to.
 */
const waiting: (() => void)[] = [];
let turnScheduled = false;

function scheduleTurn(): void {
  if (turnScheduled) return;
  turnScheduled = true;
  // A timer, not setImmediate: an immediate queued by a task the loop's poll phase runs (a message from VS Code)
  // runs in the same turn, right after it; a timer waits for the loop's next turn.
  setTimeout(() => {
    turnScheduled = false;
    const next = waiting.shift();
    // Queued now, the next grant runs in the loop's next turn, after the slice `next` is about to run.
    if (waiting.length) scheduleTurn();
    next?.();
  }, 0);
}

/** Resolves in a later turn of the event loop, one in which no other sliced job of ours runs a slice. */
export const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    waiting.push(resolve);
    scheduleTurn();
  });

/**
 * Calls `step` until it returns false, in slices of `budgetMs` that each have a turn of the event loop to
 * themselves (the first too: never in the caller's task).
 */
export async function runInSlices(step: () => boolean, budgetMs = SLICE_BUDGET_MS): Promise<void> {
  for (;;) {
    await nextTurn();
    const sliceEnd = performance.now() + budgetMs;
    // Reading the clock costs little next to the work per step it is used for (a model's description).
    do if (!step()) return;
    while (performance.now() < sliceEnd);
  }
}

/** `items.map(fn)`, yielding to the event loop whenever a slice has run `budgetMs`. */
export async function mapInSlices<T, U>(items: readonly T[], fn: (item: T) => U, budgetMs = SLICE_BUDGET_MS): Promise<U[]> {
  const out: U[] = new Array<U>(items.length);
  let i = 0;
  await runInSlices(() => {
    if (i >= items.length) return false;
    out[i] = fn(items[i]);
    i++;
    return true;
  }, budgetMs);
  return out;
}
