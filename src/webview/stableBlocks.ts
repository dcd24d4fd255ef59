// Where markdown can be cut into pieces that are drawn one at a time, each final once drawn: after a blank line
// outside any fenced code block, and, inside a long block, at a line boundary that keeps its structure: between two
// rows of a table or two lines of a fenced block (the next piece repeats the table's header or the fence's opening
// line, and is drawn into the same table or code element; such pieces are half as long), else at the start of an
// unindented line. So no piece is much longer than PIECE_CHARS, however long one table, code block or list is,
// and drawing one stays well under a long task (`npm run bench -- threshold` measures the longest).

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const TABLE_DELIMITER = /^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** A piece is cut at a line boundary once it is this long (at a blank line, a table row or a code line). */
export const PIECE_CHARS = 2_000;

/**
 * One line longer than this is shown as plain text: a line cannot be cut, and markdown-it and DOMPurify take tens of
 * milliseconds for a few thousand characters of pathological inline markdown (emphasis, links) on a loaded machine.
 */
export const PLAIN_ABOVE_CHARS = 4_000;

/**
 * `markdown`: drawn on its own; `table`: more rows of the table drawn last (`prefix` is its header); `fence`: more
 * lines of the code block drawn last (`prefix` is its opening line); `plain`: one line too long for markdown.
 */
export type PieceKind = 'markdown' | 'table' | 'fence' | 'plain';

export interface Piece {
  kind: PieceKind;
  /** What the piece is drawn with before it, so that it parses in its context; not shown twice. */
  prefix: string;
  text: string;
}

/**
 * Cuts a markdown text that only grows at its end (a stream) into pieces, each cut once all its lines are complete.
 * `blankCut`: the size a piece reaches before a blank line ends it (0: every blank line, as a stream commits).
 */
export class MarkdownCutter {
  /** Where the unfinished rest starts, and what it continues (its kind and prefix). */
  from = 0;
  kind: PieceKind = 'markdown';
  prefix = '';
  /** The start of the next line not yet read. */
  private scanned = 0;
  private fence: { marker: string; opener: string } | undefined;
  /** The header and delimiter lines of the table being read. */
  private table: string | undefined;
  private previousLine: string | undefined;

  constructor(private readonly blankCut = 0) {}

  /** The pieces complete in `text` (every line up to its last newline read, or until `max` pieces are cut). */
  cut(text: string, max = Infinity): Piece[] {
    const pieces: Piece[] = [];
    for (let newline = text.indexOf('\n', this.scanned); newline >= 0 && pieces.length < max; newline = text.indexOf('\n', this.scanned)) {
      const lineStart = this.scanned;
      const line = text.slice(lineStart, newline);
      if (lineStart > this.from && this.cutsBefore(line, lineStart - this.from)) this.emit(text, lineStart, pieces);
      if (line.length > PLAIN_ABOVE_CHARS) {
        if (lineStart > this.from) this.emit(text, lineStart, pieces);
        pieces.push({ kind: 'plain', prefix: '', text: text.slice(lineStart, newline + 1) });
        this.read(line);
        this.scanned = newline + 1;
        this.from = this.scanned;
        this.setContext();
        continue;
      }
      this.read(line);
      this.scanned = newline + 1;
      // After a blank line outside a fence: the strongest cut (a new block starts).
      if (!this.fence && this.previousLine === undefined && this.scanned - this.from >= Math.max(1, this.blankCut))
        this.emit(text, this.scanned, pieces);
    }
    return pieces;
  }

  /** The text is complete: its next piece (or two), cut only when it is about to be drawn; none at its end. */
  next(text: string): Piece[] {
    const pieces = this.cut(text, 1);
    return pieces.length > 0 ? pieces : this.rest(text);
  }

  /** The text is complete: its rest as the last pieces. */
  rest(text: string): Piece[] {
    if (this.from >= text.length) return [];
    const pieces = this.cut(text);
    const lastLine = text.lastIndexOf('\n') + 1;
    if (text.length - lastLine > PLAIN_ABOVE_CHARS) {
      if (lastLine > this.from) this.emit(text, lastLine, pieces);
      pieces.push({ kind: 'plain', prefix: '', text: text.slice(lastLine) });
    } else if (text.length > this.from) {
      pieces.push({ kind: this.kind, prefix: this.prefix, text: text.slice(this.from) });
    }
    this.skipTo(text.length);
    return pieces;
  }

  /** The first `chars` of the text are dropped by its reader (drawn for good): offsets count from there now. */
  forget(chars: number): void {
    this.from -= chars;
    this.scanned -= chars;
  }

  /** Nothing more to cut: the rest is drawn otherwise (as plain text). */
  skipTo(end: number): void {
    this.from = this.scanned = end;
  }

  private emit(text: string, to: number, pieces: Piece[]): void {
    pieces.push({ kind: this.kind, prefix: this.prefix, text: text.slice(this.from, to) });
    this.from = to;
    this.setContext();
  }

  /** The kind and prefix of a piece starting at the line about to be read. */
  private setContext(): void {
    if (this.fence) {
      this.kind = 'fence';
      this.prefix = `${this.fence.opener}\n`;
    } else if (this.table) {
      this.kind = 'table';
      this.prefix = this.table;
    } else {
      this.kind = 'markdown';
      this.prefix = '';
    }
  }

  /** Whether a piece `size` long ends before `line`. */
  private cutsBefore(line: string, size: number): boolean {
    // Inside a table or code block, half a piece: each row or highlighted line costs more than prose, and the
    // table is laid out again as a whole when rows join it.
    if (this.fence) return size >= PIECE_CHARS / 2;
    if (this.table && line.includes('|')) return size >= PIECE_CHARS / 2;
    if (line !== '' && line[0] !== ' ' && line[0] !== '\t') return size >= 2 * PIECE_CHARS;
    return size >= 4 * PIECE_CHARS;
  }

  /** Follows fences and tables through one complete line. */
  private read(line: string): void {
    const marker = FENCE.exec(line)?.[1];
    if (this.fence) {
      if (marker && marker[0] === this.fence.marker[0] && marker.length >= this.fence.marker.length && line.trim() === marker)
        this.fence = undefined;
      this.previousLine = line;
      return;
    }
    if (marker) {
      this.fence = { marker, opener: line };
      this.table = undefined;
    } else if (line.trim() === '') {
      this.table = undefined;
      this.previousLine = undefined;
      return;
    } else if (this.table !== undefined) {
      if (!line.includes('|')) this.table = undefined;
    } else if (this.previousLine?.includes('|') && line.includes('|') && TABLE_DELIMITER.test(line)) {
      this.table = `${this.previousLine}\n${line}\n`;
    }
    this.previousLine = line;
  }
}
