// How an attached selection is named on its chip: `fibonacci.ts:13-17`.

export interface LinePosition {
  /** 0-based, as editors count. */
  line: number;
  character: number;
}

/**
 * The file name with the 1-based lines the selection covers. A selection ending at the start of a line (a
 * whole-line selection made with the keyboard or by dragging to the next line) does not include that line.
 */
export function selectionName(file: string, start: LinePosition, end: LinePosition): string {
  const last = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
  return last > start.line ? `${file}:${start.line + 1}-${last + 1}` : `${file}:${start.line + 1}`;
}
