// How tall drawn markdown will be before the browser has laid it out: the sizes a box or turn keeps while it is
// skipped (content-visibility), so that the scrollbar and the view do not jump when it is laid out.

/**
 * About how tall this much markdown is on screen, until the browser has laid it out once (then it remembers): a
 * box or turn off screen keeps this height, so that scrolling into a long conversation lays out what comes into
 * view, not every box of a reply at once because each looked a line tall.
 */
export function estimatedHeight(chars: number): number {
  return Math.round(chars * 0.5);
}

/** Lines of a code element's text (markdown-it ends each with a newline). */
export function lineCount(code: string): number {
  let lines = code.length > 0 && !code.endsWith('\n') ? 1 : 0;
  for (let at = code.indexOf('\n'); at >= 0; at = code.indexOf('\n', at + 1)) lines++;
  return lines;
}
