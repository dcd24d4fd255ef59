// One message's markdown on screen, as it streams. Finished blocks are rendered once and appended; only the
// unfinished tail is redrawn, at most once per animation frame, and less often when redrawing it is slow
// (a huge code block still streaming), so a fast 200 KB reply never blocks the page.
import { decorateCodeBlocks } from './codeBlocks';
import { renderMarkdown } from './markdown';
import { splitBlocks, stableEnd } from './stableBlocks';

/** The tail is redrawn at most this often when each redraw is slow: its cost × this factor. */
const SLOW_TAIL_FACTOR = 4;

export class MarkdownView {
  private text = '';
  private committed = 0;
  private readonly stable: HTMLElement;
  private readonly tail: HTMLElement;
  private frame: number | undefined;
  private notBefore = 0;

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
    this.stable.replaceChildren();
    this.tail.replaceChildren();
    for (const block of splitBlocks(text)) this.appendStable(block);
  }

  append(delta: string): void {
    if (!delta) return;
    this.text += delta;
    this.schedule();
  }

  /** The stream ended: the tail becomes a finished block, highlighted. */
  finish(): void {
    this.cancelFrame();
    if (this.committed < this.text.length) {
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
    const end = stableEnd(this.text, this.committed);
    if (end > this.committed) {
      this.appendStable(this.text.slice(this.committed, end));
      this.committed = end;
    }
    const started = performance.now();
    this.tail.innerHTML = renderMarkdown(this.text.slice(this.committed), { highlight: false });
    decorateCodeBlocks(this.tail, { streaming: true });
    const cost = performance.now() - started;
    this.notBefore = cost > 8 ? performance.now() + cost * SLOW_TAIL_FACTOR : 0;
    this.afterRender();
  }

  private appendStable(block: string): void {
    const template = document.createElement('template');
    template.innerHTML = renderMarkdown(block);
    decorateCodeBlocks(template.content, { streaming: false });
    this.stable.append(template.content);
  }

  private cancelFrame(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }
}
