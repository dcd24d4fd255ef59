// Fits a model's rewritten code back where the original was: models return code dedented to column 0 (or
// indented their own way, with spaces where the file uses tabs); pasted as is, a method body would land at
// the wrong depth.

export interface ReindentTarget {
  /** The text being replaced. */
  original: string;
  /**
   * What precedes the replaced range on its first line. Empty when the range starts at the line's start
   * (the range then carries its own indentation); otherwise the first line of the proposal continues that
   * line and gets no indentation of its own.
   */
  linePrefix: string;
  /** The document's line ending. */
  eol: '\n' | '\r\n';
  /** Columns per tab in the editor, to convert between tabs and spaces. */
  tabSize: number;
  /** Whether the editor indents with spaces; decides which style the proposal is converted to. */
  insertSpaces: boolean;
}

const leading = (line: string) => /^[ \t]*/.exec(line)![0];
const isBlank = (line: string) => line.trim() === '';

function width(indent: string, tabSize: number): number {
  let columns = 0;
  for (const ch of indent) columns = ch === '\t' ? columns + tabSize - (columns % tabSize) : columns + 1;
  return columns;
}

function makeIndent(columns: number, target: ReindentTarget): string {
  if (target.insertSpaces) return ' '.repeat(columns);
  return '\t'.repeat(Math.floor(columns / target.tabSize)) + ' '.repeat(columns % target.tabSize);
}

/** The indentation (in columns) shared by the original's lines: where the proposal's outermost lines go. */
function baseColumns(target: ReindentTarget): number {
  const lines = target.original.replace(/\r\n?/g, '\n').split('\n');
  const indents: number[] = [];
  if (target.linePrefix !== '') indents.push(width(leading(target.linePrefix), target.tabSize));
  lines.forEach((line, i) => {
    if (i === 0 && target.linePrefix !== '') return;
    if (!isBlank(line)) indents.push(width(leading(line), target.tabSize));
  });
  return indents.length ? Math.min(...indents) : 0;
}

/**
 * The proposal re-indented to the original's depth and indentation style, with the original's line endings
 * and its trailing newline (a selection of whole lines ends with one; the proposal must too).
 */
export function reindent(proposal: string, target: ReindentTarget): string {
  const lines = proposal.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 1 && isBlank(lines[0])) lines.shift();
  while (lines.length > 1 && isBlank(lines[lines.length - 1])) lines.pop();
  const nonBlank = lines.filter((l) => !isBlank(l));
  const own = nonBlank.length ? Math.min(...nonBlank.map((l) => width(leading(l), target.tabSize))) : 0;
  const base = baseColumns(target);
  const out = lines.map((line, i) => {
    if (isBlank(line)) return '';
    const columns = width(leading(line), target.tabSize) - own;
    const body = line.slice(leading(line).length);
    if (i === 0 && target.linePrefix !== '') return makeIndent(columns, target) + body;
    return makeIndent(base + columns, target) + body;
  });
  const endsWithNewline = /\r?\n$/.test(target.original);
  return out.join(target.eol) + (endsWithNewline ? target.eol : '');
}
