// Long synchronous work split into slices, with the event loop free between them: the extension host is shared
// by every extension, and one task of hundreds of ms there holds up all of them (and VS Code's own requests).

/** How long one slice may run before the loop gets a turn (well under the 50 ms that counts as a long task). */
export const SLICE_BUDGET_MS = 8;

/** `items.map(fn)`, yielding to the event loop whenever a slice has run `budgetMs`. */
export async function mapInSlices<T, U>(items: readonly T[], fn: (item: T) => U, budgetMs = SLICE_BUDGET_MS): Promise<U[]> {
  const out: U[] = new Array<U>(items.length);
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    out[i] = fn(items[i]);
    // Reading the clock costs little next to the work per item it is used for (a model's description).
    if (performance.now() - sliceStart >= budgetMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  return out;
}
