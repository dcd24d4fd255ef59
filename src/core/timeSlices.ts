// Long synchronous work split into slices, with the event loop free between them: the extension host is shared
// by every extension, and one task of hundreds of ms there holds up all of them (and VS Code's own requests).

/** How long one slice may run before the loop gets a turn (well under the 50 ms that counts as a long task). */
export const SLICE_BUDGET_MS = 8;

/** Lets the event loop run whatever is waiting (timers, I/O, other extensions) before going on. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Calls `step` until it returns false, yielding to the event loop whenever a slice has run `budgetMs`. */
export async function runInSlices(step: () => boolean, budgetMs = SLICE_BUDGET_MS): Promise<void> {
  let sliceStart = performance.now();
  while (step()) {
    // Reading the clock costs little next to the work per step it is used for (a model's description).
    if (performance.now() - sliceStart >= budgetMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
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
