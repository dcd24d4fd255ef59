// A finished reply is drawn only when it comes near the screen (a screen's height before it does). A conversation of
// hundreds of long replies used to be drawn whole in the background as soon as it opened: tens of seconds of work
// a frame at a time, and hundreds of thousands of elements that every later frame paid for in style, pre-paint and
// garbage collection. Until it is drawn a reply's article (header, footer, buttons) is on the page, as tall as an
// estimate of its text (content-visibility keeps that size while it is off screen).
//
// Ctrl+F in a webview finds only what is in the DOM: the text of a reply not yet scrolled near is found once it has
// been. The chat history's search reads the saved conversations, not the page. Screen readers hear nothing of a
// reply being drawn: the transcript is not a live region (announcements go through the page's own live element).
import type { ReplyView } from './replyView';

/** A reply this near the screen (a screen's height above and below) is drawn. */
const DRAW_MARGIN = '100% 0px';

export class OffscreenReplies {
  private readonly views = new Map<Element, ReplyView>();
  private observer: IntersectionObserver | undefined;

  /** `root` is the element that scrolls the replies. */
  constructor(private readonly root: HTMLElement) {}

  /** A finished reply not drawn yet (its text held): drawn when it nears the screen. */
  watch(view: ReplyView): void {
    this.views.set(view.element, view);
    this.observer ??= new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const view = e.isIntersecting ? this.views.get(e.target) : undefined;
          if (view) this.draw(view);
        }
      },
      { root: this.root, rootMargin: DRAW_MARGIN },
    );
    this.observer.observe(view.element);
  }

  /** The reply left the page before it was drawn. */
  forget(view: ReplyView): void {
    if (!this.views.delete(view.element)) return;
    this.observer?.unobserve(view.element);
  }

  private draw(view: ReplyView): void {
    this.forget(view);
    view.body.setFinal(view.turn.text);
    view.thinking.setFinal(view.turn.reasoning ?? '');
  }
}
