// One message's markdown on screen, as it streams. Finished blocks are rendered once and appended; only the
// unfinished tail is redrawn, at most once per animation frame, and less often when redrawing it is slow
// (a huge code block still streaming), so a fast 200 KB reply never blocks the page.
//
// No reply may block the page, whatever its shape: a block (or an unfinished tail) past PLAIN_ABOVE_CHARS is not
// parsed as markdown at all: from there on the reply is shown as plain preformatted text, appended as it
// arrives in pieces the browser lays out only when they scroll into view. A saved reply is rendered a few
// blocks per frame through the page's render queue, so opening a conversation of long replies does not freeze it
// either.
import { decorateCodeBlocks } from './codeBlocks';
import { renderMarkdown } from './markdown';
import { renderQueue, type RenderJob } from './renderQueue';
import { PLAIN_ABOVE_CHARS, splitBlocks, stableEnd } from './stableBlocks';
import * as l10n from '@vscode/l10n';

/** The tail is redrawn at most this often when each redraw is slow: its cost × this factor. */
const SLOW_TAIL_FACTOR = 4;
/** Plain text is appended in pieces of this size; each is laid out only when on screen (content-visibility). */
const PLAIN_PIECE_CHARS = 8_192;

export class MarkdownView {
  private text = '';
  private committed = 0;
  private readonly stable: HTMLElement;
  private readonly tail: HTMLElement;
  private frame: number | undefined;
  private notBefore = 0;
  /** Where the plain text fallback starts (undefined: all markdown so far), and how much of it is on screen. */
  private plainFrom: number | undefined;
  private plainShown = 0;
  private plain: HTMLElement | undefined;
  /** Blocks of a saved reply still to render, and its job in the render queue while some are left. */
  private queue: string[] = [];
  private job: RenderJob | undefined;

  constructor(
    readonly element: HTMLElement,
    private readonly afterRender: () => void,
  ) {
    this.stable = document.createElement('div');
    this.tail = document.createElement('div');
    this.stable.className = 'md-stable';
    this.tail.className = 'md-tail';
    element.append(this.stable, this.tail);
  }

  get value(): string {
    return this.text;
  }

  /** Shows a complete text at once (a saved reply), cut into the same blocks a stream would make. */
  setFinal(text: string): void {
    this.cancelFrame();
    this.text = text;
    this.committed = text.length;
    this.plainFrom = undefined;
    this.plain = undefined;
    this.stable.replaceChildren();
    this.tail.replaceChildren();
    this.queue = splitBlocks(text);
    if (this.queue.length === 0) {
      this.afterRender();
      return;
    }
    this.job = {
      element: this.element,
      step: () => {
        this.appendStable(this.queue.shift()!);
        return this.queue.length > 0;
      },
      drew: () => this.afterRender(),
    };
    renderQueue.add(this.job);
  }

  /** The view leaves the page: what it had still to draw is dropped. */
  dispose(): void {
    this.cancelFrame();
  }

  append(delta: string): void {
    if (!delta) return;
    this.text += delta;
    this.schedule();
  }

  /** The stream ended: the tail becomes a finished block, highlighted. */
  finish(): void {
    this.cancelFrame();
    if (this.plainFrom !== undefined) {
      this.appendPlain(this.text.length);
    } else if (this.committed < this.text.length) {
      this.appendStable(this.text.slice(this.committed));
      this.committed = this.text.length;
    }
    this.tail.replaceChildren();
    this.afterRender();
  }

  private schedule(): void {
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      if (performance.now() < this.notBefore) {
        this.schedule();
        return;
      }
      this.render();
    });
  }

  private render(): void {
    if (this.plainFrom !== undefined) {
      if (this.appendPlain(this.text.length)) this.schedule();
      this.afterRender();
      return;
    }
    const end = stableEnd(this.text, this.committed);
    if (end > this.committed) {
      this.appendStable(this.text.slice(this.committed, end));
      this.committed = end;
    }
    if (this.text.length - this.committed > PLAIN_ABOVE_CHARS) {
      // Too large to redraw as markdown on every frame: the rest of this reply is plain text.
      this.plainFrom = this.committed;
      this.plainShown = this.committed;
      this.tail.replaceChildren();
      if (this.appendPlain(this.text.length)) this.schedule();
      this.afterRender();
      return;
    }
    const started = performance.now();
    this.tail.innerHTML = renderMarkdown(this.text.slice(this.committed), { highlight: false });
    decorateCodeBlocks(this.tail, { streaming: true });
    const cost = performance.now() - started;
    this.notBefore = cost > 8 ? performance.now() + cost * SLOW_TAIL_FACTOR : 0;
    this.afterRender();
  }

  /** Shows more of the plain rest of a streaming reply, a frame's worth; true when some is left for the next frame. */
  private appendPlain(end: number): boolean {
    if (!this.plain) {
      this.plain = plainElement();
      this.stable.append(this.plain);
    }
    this.plainShown = writePlain(this.plain, this.text, this.plainShown, end);
    this.committed = this.plainShown;
    return this.plainShown < end;
  }

  private appendStable(block: string): void {
    if (block.length > PLAIN_ABOVE_CHARS) {
      const element = plainElement();
      for (let at = 0; at < block.length;) at = writePlain(element, block, at, block.length);
      this.stable.append(element);
      return;
    }
    const template = document.createElement('template');
    template.innerHTML = renderMarkdown(block);
    decorateCodeBlocks(template.content, { streaming: false });
    this.stable.append(template.content);
  }

  private cancelFrame(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    if (this.job) renderQueue.remove(this.job);
    this.job = undefined;
    this.queue = [];
  }
}

function plainElement(): HTMLElement {
  const element = document.createElement('div');
  element.className = 'plain-text';
  element.title = l10n.t('Shown as plain text: too large to render as markdown without freezing the panel');
  return element;
}

/**
 * Appends `source[from, end)` to a plain-text element in pieces of PLAIN_PIECE_CHARS (the last piece is filled up
 * first), at most 32 pieces a call; returns where it stopped.
 */
function writePlain(into: HTMLElement, source: string, from: number, end: number): number {
  const limit = Math.min(end, from + PLAIN_PIECE_CHARS * 32);
  let at = from;
  while (at < limit) {
    let piece = into.lastElementChild as HTMLElement | null;
    if (!piece || (piece.textContent ?? '').length >= PLAIN_PIECE_CHARS) {
      piece = document.createElement('pre');
      into.append(piece);
    }
    const next = Math.min(limit, at + PLAIN_PIECE_CHARS - (piece.textContent ?? '').length);
    piece.append(source.slice(at, next));
    at = next;
  }
  return at;
}
