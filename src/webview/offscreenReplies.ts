// Replies far from the screen hold no DOM of their text. A conversation of hundreds of long replies used to be drawn
// whole (hundreds of thousands of elements), and every frame of a scroll through it paid for them in intersection
// checks, style, paint and garbage collection, on screen or not. So a finished reply's text is drawn only when it
// comes near the screen (a screen's height before it does), and dropped again when it is far away (three screens'
// height); meanwhile its article (header, footer, buttons) stays, and so does its height: a dropped reply keeps its
// boxes, empty and hidden, each as tall as it was when last laid out, and is drawn again into them
// (MarkdownView.hold). So dropping and drawing again moves nothing on screen.
//
// Never dropped: a reply streaming (not watched here), one that finished streaming in this page (its boxes were cut
// as the stream came; it is watched once the conversation is shown again), and one holding the page's selection or
// focus (a person copying from it, or on one of its buttons); the last is dropped the next time it goes far away.
//
// Ctrl+F in a webview finds only what is in the DOM: the text of a reply far from the screen is found once it has
// been scrolled near. The chat history's search reads the saved conversations, not the page. Screen readers hear
// nothing of a reply being drawn or dropped: the transcript is not a live region (announcements go through the
// page's own live element).
import type { ReplyView } from './replyView';

/** A reply this near the screen (a screen's height above and below) is drawn. */
const DRAW_MARGIN = '100% 0px';
/** A reply further than this from the screen (three screens' height above or below) is dropped. */
const DROP_MARGIN = '300% 0px';

export class OffscreenReplies {
  private readonly views = new Map<Element, ReplyView>();
  /** Replies whose text is on the page (drawn, or being drawn). */
  private readonly shown = new Set<ReplyView>();
  private near: IntersectionObserver | undefined;
  private far: IntersectionObserver | undefined;

  /** `root` is the element that scrolls the replies. */
  constructor(private readonly root: HTMLElement) {}

  /**
   * A finished reply drawn by setFinal (`drawn`: drawn or being drawn), dropped when far from the screen; or one not
   * drawn yet, drawn when it nears the screen.
   */
  watch(view: ReplyView, drawn: boolean): void {
    this.views.set(view.element, view);
    if (drawn) this.shown.add(view);
    const { near, far } = this.observers();
    near.observe(view.element);
    far.observe(view.element);
  }

  /** The reply left the page. */
  forget(view: ReplyView): void {
    if (!this.views.delete(view.element)) return;
    this.shown.delete(view);
    this.near?.unobserve(view.element);
    this.far?.unobserve(view.element);
  }

  private draw(view: ReplyView): void {
    if (this.shown.has(view)) return;
    this.shown.add(view);
    view.body.setFinal(view.turn.text);
    view.thinking.setFinal(view.turn.reasoning ?? '');
  }

  private drop(view: ReplyView): void {
    if (!this.shown.has(view)) return;
    this.shown.delete(view);
    view.body.hold(view.turn.text);
    view.thinking.hold(view.turn.reasoning ?? '');
  }

  private observers(): { near: IntersectionObserver; far: IntersectionObserver } {
    this.near ??= new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const view = e.isIntersecting ? this.views.get(e.target) : undefined;
          if (view) this.draw(view);
        }
      },
      { root: this.root, rootMargin: DRAW_MARGIN },
    );
    this.far ??= new IntersectionObserver(
      (entries) => {
        const inUse = usedNow();
        for (const e of entries) {
          const view = e.isIntersecting ? undefined : this.views.get(e.target);
          if (view && !inUse(view.element)) this.drop(view);
        }
      },
      { root: this.root, rootMargin: DROP_MARGIN },
    );
    return { near: this.near, far: this.far };
  }
}

/**
 * Whether the page's selection (its ends: a click in a reply's text leaves one there too) or focus is in an element;
 * read once for a batch of replies, not once a reply.
 */
function usedNow(): (element: HTMLElement) => boolean {
  const selection = document.getSelection();
  const nodes = [selection?.anchorNode, selection?.focusNode, document.activeElement].filter((n): n is Node => !!n && n !== document.body);
  return (element) => nodes.some((n) => element.contains(n));
}
