// One message's markdown on screen, as it streams. The text is cut into pieces (src/webview/stableBlocks.ts: at blank
// lines, and inside one long table, code block or list at line boundaries that keep it whole); each complete piece
// is drawn once and appended (a table's or a code block's next piece into the same table or code element), a few
// per frame at most; only the unfinished tail is redrawn, at most once per animation frame, and less often when
// redrawing it is slow. Every streaming view on the page shares one frame budget (src/webview/streamFrame.ts). So no
// piece, and no frame, costs much more than drawing PIECE_CHARS of markdown, whatever the reply's shape or the
// number of replies streaming.
//
// One line too long to parse (past PLAIN_ABOVE_CHARS) is plain preformatted text; while streaming, such a line turns
// the rest of the reply into plain text, appended as it arrives in pieces the browser lays out only when they
// scroll into view. A saved reply is drawn a piece at a time through the page's render queue, so opening a
// conversation of long replies does not freeze it either.
import { decorateCodeBlocks } from './codeBlocks';
import { estimatedHeight, lineCount } from './boxHeights';
import { drawCost } from './drawCost';
import { renderMarkdown } from './markdown';
import { plainElement, writePlain } from './plainText';
import { renderQueue, type RenderJob } from './renderQueue';
import { MarkdownCutter, PIECE_CHARS, PLAIN_ABOVE_CHARS, type Piece } from './stableBlocks';
import { streamFrame, type StreamDrawer } from './streamFrame';

/** The tail is redrawn at most this often when each redraw is slow: its cost × this factor. */
const SLOW_TAIL_FACTOR = 4;

export class MarkdownView implements StreamDrawer {
  /** The whole text; while streaming, only appended to (a string read once it is complete). */
  private full = '';
  /**
   * The text not final on screen yet (a stream's drawn pieces are forgotten, the cutter's offsets are into this):
   * reading a string built by a thousand appends copies all of it into one, and reading the whole reply every frame
   * copied a megabyte a frame by its end, garbage that made the collector pause the page.
   */
  private rest = '';
  private cutter = new MarkdownCutter();
  private readonly stable: HTMLElement;
  private readonly tail: HTMLElement;
  private notBefore = 0;
  /** The rest of a stream is plain text (one line too long for markdown): `rest` is what is not on screen yet. */
  private plainRest = false;
  private plain: HTMLElement | undefined;
  /** Complete pieces not drawn yet, and their job in the render queue while some are left (a saved or finished reply). */
  private pending: Piece[] = [];
  private job: RenderJob | undefined;
  /** The box pieces are drawn into now, and how much text it holds. */
  private box: HTMLElement | undefined;
  private boxChars = 0;
  /**
   * The emptied boxes of a text held again after it was drawn (a reply dropped far from the screen), refilled in
   * order when it is drawn again: the same pieces fill the same boxes. Until refilled, each is hidden and keeps the
   * size it had (see hold).
   */
  private shells: HTMLElement[] = [];

  constructor(readonly element: HTMLElement) {
    this.stable = document.createElement('div');
    this.tail = document.createElement('div');
    this.stable.className = 'md-stable';
    this.tail.className = 'md-tail';
    element.append(this.stable, this.tail);
  }

  get value(): string {
    return this.full;
  }

  /** Shows a complete text at once (a saved reply), cut into pieces drawn a few per frame. */
  setFinal(text: string): void {
    this.hold(text);
    // Cut as it is drawn: a conversation of hundreds of replies is not read line by line before anything shows.
    this.pending = this.cutter.next(text);
    this.drawQueued();
  }

  /**
   * Keeps a complete text without drawing any of it (a reply far from the screen): setFinal draws it. The text it
   * already shows, drawn by setFinal, is held with its boxes left in place, emptied: each keeps the size it had when
   * last laid out (`content-visibility: hidden` with the `contain-intrinsic-size: auto` it has), or its estimate if it
   * never was, so the reply keeps its height, without the elements of its text, until it is drawn again into them.
   */
  hold(text: string): void {
    this.cancelFrame();
    const again = text === this.full;
    this.shells = [];
    // The shells stay where they are (taken out and put back, each would be styled and laid out again).
    for (const child of Array.from(this.stable.children) as HTMLElement[]) {
      if (!again || !child.classList.contains('md-piece')) child.remove();
      else {
        child.style.contentVisibility = 'hidden';
        child.textContent = '';
        this.shells.push(child);
      }
    }
    this.full = this.rest = text;
    this.cutter = new MarkdownCutter(PIECE_CHARS);
    this.plainRest = false;
    this.plain = undefined;
    this.box = undefined;
    this.tail.replaceChildren();
  }

  /** The view leaves the page: what it had still to draw is dropped. */
  dispose(): void {
    this.cancelFrame();
  }

  append(delta: string): void {
    if (!delta) return;
    this.full += delta;
    this.rest += delta;
    this.schedule();
  }

  /** The stream ended: the tail becomes finished pieces, highlighted. */
  finish(): void {
    // Pieces complete but not drawn yet (behind a burst) are drawn first.
    const pending = this.pending;
    this.cancelFrame();
    this.pending = pending;
    this.tail.replaceChildren();
    this.tail.classList.remove('continues');
    if (this.plainRest) {
      this.pending = [{ kind: 'plain', prefix: '', text: this.rest }];
      this.cutter.skipTo(this.rest.length);
    } else this.pending.push(...this.cutter.rest(this.rest));
    this.drawQueued();
  }

  /** Draws the pending pieces through the page's render queue (a frame's budget at a time). */
  private drawQueued(): void {
    if (this.pending.length === 0) {
      this.drawnWhole();
      return;
    }
    this.job = {
      element: this.element,
      step: () => {
        this.drawPiece(this.pending.shift()!);
        if (this.pending.length === 0) this.pending = this.cutter.next(this.rest);
        if (this.pending.length > 0) return true;
        this.drawnWhole();
        return false;
      },
    };
    renderQueue.add(this.job);
  }

  private schedule(): void {
    streamFrame.request(this);
  }

  /** This stream's turn in the page's frame (streamFrame.ts): what arrived since, until `deadline`. */
  drawFrame(deadline: number): boolean {
    if (performance.now() < this.notBefore) return true;
    return this.render(deadline);
  }

  /** Draws the complete pieces and redraws the tail; true when some is left for the next frame. */
  private render(deadline: number): boolean {
    if (this.plainRest) return this.appendPlain();
    // The pieces complete by now, a frame's budget of them (at least one): behind a burst, the rest next frame.
    this.pending.push(...this.cutter.cut(this.rest));
    this.rest = this.rest.slice(this.cutter.from);
    this.cutter.forget(this.cutter.from);
    // A piece is started only when it is expected to end within the budget (at least one a frame).
    do {
      const piece = this.takePiece((deadline - performance.now()) / drawCost.msPerChar);
      if (piece) drawCost.measure(piece.text.length, () => this.drawPiece(piece));
    } while (this.pending.length > 0 && performance.now() + this.pending[0].text.length * drawCost.msPerChar < deadline);
    if (this.pending.length > 0) {
      this.tail.replaceChildren();
      return true;
    }
    if (this.rest.length > PLAIN_ABOVE_CHARS) {
      // One line too long to redraw as markdown on every frame: the rest of this reply is plain text.
      this.plainRest = true;
      this.tail.replaceChildren();
      return this.appendPlain();
    }
    const tailStarted = performance.now();
    // The unfinished rest of a table or code block is drawn with its header or opening line, which it hides.
    this.tail.classList.toggle('continues', this.cutter.kind !== 'markdown');
    this.tail.replaceChildren(renderMarkdown(this.cutter.prefix + this.rest, { highlight: false }));
    decorateCodeBlocks(this.tail, { streaming: true });
    const cost = performance.now() - tailStarted;
    this.notBefore = cost > 8 ? performance.now() + cost * SLOW_TAIL_FACTOR : 0;
    return false;
  }

  /** Shows more of the plain rest of a streaming reply, a frame's worth; true when some is left for the next frame. */
  private appendPlain(): boolean {
    if (!this.plain) {
      this.plain = plainElement();
      this.stable.append(this.plain);
    }
    this.rest = this.rest.slice(writePlain(this.plain, this.rest));
    return this.rest.length > 0;
  }

  /**
   * The next pending piece, joined with the ones after it up to PIECE_CHARS: a stream cuts at every blank line, and
   * one render of a frame's worth costs less than one per paragraph (up to `fits` characters, what the frame's budget has
   * left room for, beyond the first). Pieces are contiguous text, and the first one's
   * prefix is the context of all of them, so joined they parse as they would apart.
   */
  private takePiece(fits = PIECE_CHARS): Piece | undefined {
    const first = this.pending.shift();
    if (!first || first.kind === 'plain') return first;
    let text = first.text;
    const most = Math.min(PIECE_CHARS, fits);
    while (this.pending.length > 0 && this.pending[0].kind !== 'plain' && text.length + this.pending[0].text.length <= most)
      text += this.pending.shift()!.text;
    return { ...first, text };
  }

  /**
   * Draws one complete piece: appended, or into the table or code element the piece before it left open. Pieces are
   * grouped in boxes of about PIECE_CHARS, each laid out and painted only near the screen (content-visibility):
   * boxes, not every paragraph, so that a long conversation has thousands of them, not hundreds of thousands for
   * the browser to check on every frame.
   */
  private drawPiece(piece: Piece): void {
    // The rest of a line that was streaming as plain text continues that element: a second one would break the line.
    const streamedPlain = piece.kind === 'plain' && this.plain && this.stable.lastElementChild === this.plain ? this.plain : undefined;
    const last = this.box?.lastElementChild as HTMLElement | null | undefined;
    // A table's or code block's next piece continues an element of the last box; what follows that element in the
    // piece opens a new box once the last one is full (else a reply whose pieces all start inside a code block, as
    // most are cut there, was one box: laid out whole as soon as any of it neared the screen).
    const continues = piece.kind !== 'markdown' && (this.box !== undefined || streamedPlain !== undefined);
    if (!continues) this.openBox(piece.text.length);
    if (piece.kind === 'plain') {
      const box = this.box!;
      const into = streamedPlain ?? (last?.classList.contains('plain-text') ? last : box.appendChild(plainElement()));
      const at = writePlain(into, piece.text);
      // A line of megabytes: the rest is the next piece, drawn next (in the next frame past the budget).
      if (at < piece.text.length) this.pending.unshift({ kind: 'plain', prefix: '', text: piece.text.slice(at) });
      return;
    }
    const content = renderMarkdown(piece.prefix + piece.text);
    decorateCodeBlocks(content, { streaming: false });
    const first = content.firstElementChild;
    if (piece.kind === 'table' && last && first instanceof HTMLTableElement) {
      const table = last instanceof HTMLTableElement ? last : last.querySelector('table:last-of-type');
      if (table instanceof HTMLTableElement) {
        const body = table.tBodies[0] ?? table.createTBody();
        for (const rows of Array.from(first.tBodies)) body.append(...Array.from(rows.rows));
        first.remove();
      }
    } else if (piece.kind === 'fence' && last && first?.classList.contains('code-block')) {
      // Its own <pre> in the same block: appending to one growing <pre> would lay out all of it again each time.
      const block = last.classList.contains('code-block') ? last : Array.from(last.querySelectorAll('.code-block')).pop();
      const more = first.querySelector('pre');
      if (block && more) {
        block.querySelector('pre:last-of-type')?.classList.add('continues');
        more.classList.add('continued');
        // Its exact height until laid out (chat.css): a line of code is one line box, it never wraps.
        more.style.setProperty('--lines', String(lineCount(more.textContent ?? '')));
        block.append(more);
        first.remove();
      }
    }
    if (continues && content.firstElementChild) this.openBox(piece.text.length);
    else if (continues) this.boxChars += piece.text.length;
    this.box!.append(content);
    this.box!.style.containIntrinsicSize = `auto ${estimatedHeight(this.boxChars)}px`;
  }

  /** A new box for a piece that starts afresh, once the last one holds PIECE_CHARS (the next shell, if any). */
  private openBox(chars: number): void {
    if (!this.box || this.boxChars >= PIECE_CHARS) {
      // The box before is complete: a refilled shell is shown again.
      if (this.box) this.box.style.contentVisibility = '';
      this.box = this.shells.shift() ?? this.stable.appendChild(document.createElement('div'));
      this.box.className = 'md-piece';
      this.boxChars = 0;
    }
    this.boxChars += chars;
  }

  /** All of a text given to setFinal is drawn: its last box is shown, and shells it did not need are removed. */
  private drawnWhole(): void {
    if (this.box) this.box.style.contentVisibility = '';
    for (const shell of this.shells) shell.remove();
    this.shells = [];
  }

  private cancelFrame(): void {
    streamFrame.cancel(this);
    if (this.job) renderQueue.remove(this.job);
    this.job = undefined;
    this.pending = [];
  }
}
