// The block around a line, found by indentation alone: the fallback for "explain the code here" when no
// language extension reports symbols (plain text, an unknown language, a language server still starting).

export interface LineSpan {
  /** 0-based, inclusive. */
  start: number;
  /** 0-based, inclusive. */
  end: number;
}

const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
const blank = (line: string) => line.trim() === '';
const CLOSER = /^\s*(\}|\]|\)|end\b|fi\b|done\b|esac\b|<\/)/;

/**
 * The lines at the cursor's depth and deeper, plus the header line above them (`def f():`, `if (…) {`) and the
 * closing line below at the header's depth (`}`, `end`). A cursor on a header line takes that header's block.
 */
export function indentationBlock(lines: readonly string[], cursorLine: number): LineSpan | undefined {
  let line = Math.min(Math.max(cursorLine, 0), lines.length - 1);
  while (line < lines.length && blank(lines[line])) line++;
  if (line >= lines.length) {
    line = Math.min(cursorLine, lines.length - 1);
    while (line >= 0 && blank(lines[line])) line--;
    if (line < 0) return undefined;
  }
  const nextNonBlank = (from: number) => {
    for (let i = from; i < lines.length; i++) if (!blank(lines[i])) return i;
    return -1;
  };
  // On a header, the block is the one it opens.
  const next = nextNonBlank(line + 1);
  if (next !== -1 && indentOf(lines[next]) > indentOf(lines[line])) line = next;
  const depth = indentOf(lines[line]);
  // At the top level everything shares depth 0: blank lines are the only boundary there.
  const stopsAtBlank = depth === 0;
  let start = line;
  for (let i = line - 1; i >= 0; i--) {
    if (blank(lines[i])) {
      if (stopsAtBlank) break;
      continue;
    }
    if (indentOf(lines[i]) < depth) break;
    start = i;
  }
  let end = line;
  for (let i = line + 1; i < lines.length; i++) {
    if (blank(lines[i])) {
      if (stopsAtBlank) break;
      continue;
    }
    if (indentOf(lines[i]) < depth) break;
    end = i;
  }
  let header = false;
  for (let i = start - 1; i >= 0 && !stopsAtBlank; i--) {
    if (blank(lines[i])) continue;
    header = true;
    start = i;
    break;
  }
  const closer = nextNonBlank(end + 1);
  if (header && closer !== -1 && indentOf(lines[closer]) === indentOf(lines[start]) && CLOSER.test(lines[closer])) end = closer;
  return { start, end };
}
