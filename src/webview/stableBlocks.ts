// Where a streaming markdown text can be cut so that everything before the cut is final: after a blank line
// that is outside any fenced code block. Blocks before the cut are rendered once; only the rest is redrawn
// as tokens arrive, which keeps a long reply from being re-parsed from the start on every frame.

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Past this size one block is plain text: markdown-it and DOMPurify take tens of milliseconds for 20 KB of
 * pathological markdown on a loaded machine (`npm run bench -- threshold` measures it), and their cost grows with the block.
 */
export const PLAIN_ABOVE_CHARS = 16_000;

/** A saved reply is cut into blocks of about this many characters (at the first boundary past it). */
export const BLOCK_CHARS = 2_000;

/**
 * Calls `cut` with the offset just after each blank line (outside fences) at or after `from`. `from` must itself be
 * such a boundary (or 0). Only complete lines count: the last line may still grow.
 */
function eachBoundary(text: string, from: number, cut: (end: number) => void): void {
  let fence: string | undefined;
  let lineStart = from;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    if (newline < 0) break;
    const line = text.slice(lineStart, newline);
    const marker = FENCE.exec(line)?.[1];
    if (fence === undefined) {
      if (marker) fence = marker;
      else if (line.trim() === '') cut(newline + 1);
    } else if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
      fence = undefined;
    }
    lineStart = newline + 1;
  }
}

/** The offset just after the last blank line (outside fences) at or after `from`, or `from` when there is none. */
export function stableEnd(text: string, from: number): number {
  let end = from;
  eachBoundary(text, from, (at) => (end = at));
  return end;
}

/**
 * A whole text cut into blocks the way a stream cuts it (for replies rendered at once), each at least `size`
 * characters where the text allows: small enough to draw a few per frame, and to stay under the size past which
 * a block is shown as plain text.
 */
export function splitBlocks(text: string, size = BLOCK_CHARS): string[] {
  const blocks: string[] = [];
  let from = 0;
  eachBoundary(text, 0, (at) => {
    if (at - from < size) return;
    blocks.push(text.slice(from, at));
    from = at;
  });
  if (from < text.length) blocks.push(text.slice(from));
  return blocks;
}
