// How long drawing streamed markdown takes here, so a frame starts only the pieces it can finish.

/**
 * What drawing a character of a stream's pieces costs on this machine (markdown-it, DOMPurify, highlight.js and
 * inserting), learnt from the pieces drawn: a frame starts a piece only when it should end within the budget, instead
 * of starting one just before the deadline and running a whole piece past it.
 */
export const drawCost = {
  /** About 2,000 characters in a frame's budget until measured. */
  msPerChar: 0.004,
  measure(chars: number, draw: () => void): void {
    const started = performance.now();
    draw();
    // Small pieces are mostly the fixed cost of a render: they would make a character look dear.
    if (chars >= 200) this.msPerChar = 0.8 * this.msPerChar + (0.2 * (performance.now() - started)) / chars;
  },
};
