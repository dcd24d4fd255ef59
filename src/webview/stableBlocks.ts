// Where a streaming markdown text can be cut so that everything before the cut is final: after a blank line
// that is outside any fenced code block. Blocks before the cut are rendered once; only the rest is redrawn
// as tokens arrive, which keeps a long reply from being re-parsed from the start on every frame.

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The offset just after the last blank line (outside fences) at or after `from`, or `from` when there is
 * none. `from` must itself be such a boundary (or 0). Only complete lines count: the last line may still grow.
 */
export function stableEnd(text: string, from: number): number {
  let fence: string | undefined;
  let end = from;
  let lineStart = from;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    if (newline < 0) break;
    const line = text.slice(lineStart, newline);
    const marker = FENCE.exec(line)?.[1];
    if (fence === undefined) {
      if (marker) fence = marker;
      else if (line.trim() === '') end = newline + 1;
    } else if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
      fence = undefined;
    }
    lineStart = newline + 1;
  }
  return end;
}

/** A whole text cut into its stable blocks, the same way a stream cuts it (for replies rendered at once). */
export function splitBlocks(text: string): string[] {
  const blocks: string[] = [];
  let from = 0;
  for (;;) {
    const end = stableEnd(text, from);
    if (end === from) break;
    blocks.push(text.slice(from, end));
    from = end;
  }
  if (from < text.length) blocks.push(text.slice(from));
  return blocks;
}
