// A reply's text, built from the thousands of few-character pieces a stream delivers.
//
// `text += piece` alone keeps every piece and a link to it alive until the reply ends: 100,000 deltas are 200,000
// young objects that each garbage collection of the young generation copies (through the network, our client's
// collector time was 3× the bare parse's on a 100,000-chunk text stream, the whole of its lead over it). So the
// recent pieces are flattened into one string every PIECES_PER_RUN pieces and the pieces die young: what outlives a
// collection is a few hundred flat runs.
const PIECES_PER_RUN = 256;

export class PieceText {
  /** Flattened runs, joined. */
  private done = '';
  /** The pieces since the last run, joined. */
  private recent = '';
  private pieces = 0;

  append(piece: string): void {
    this.recent += piece;
    if (++this.pieces === PIECES_PER_RUN) {
      // Reading a character flattens the joined pieces in place (V8), which releases them; the text is the same.
      this.recent.charCodeAt(0);
      this.done += this.recent;
      this.recent = '';
      this.pieces = 0;
    }
  }

  get length(): number {
    return this.done.length + this.recent.length;
  }

  toString(): string {
    return this.done + this.recent;
  }
}
