// What the chat and Compare pages share from their first line to their last: the screen reader's live region,
// the host's messages checked against the page's protocol (anything else is logged and ignored), the link catcher,
// one click handler for every button (a code block's buttons go to the host as they are), "ready" once the
// page listens, and the first reply's one-time rendering costs paid in idle time after that.
import type { CodeActionMessage } from '../shared/chatProtocol';
import { codeActionOf } from './codeBlocks';
import { h } from './dom';
import { catchLinks } from './linkCatcher';
import { warmUpRendering } from './markdown';

type Parsed<T> = { success: true; data: T } | { success: false; error: { issues: readonly { message: string }[] } };

/** The messages every page sends besides its own: its code blocks' actions, a caught link, and "ready". */
type ShellMessage = CodeActionMessage | { type: 'openLink'; href: string } | { type: 'ready' };

export interface PageShell<In, Out> {
  /** Named in the console when a message is ignored ("chat", "compare"). */
  name: string;
  schema: { safeParse(value: unknown): Parsed<In> };
  post(message: Out | ShellMessage): void;
  handle(message: In): void;
  /** A click on a button with a `data-action` other than a code block's. */
  act(action: string, button: HTMLElement): void;
  /** After a code block's button was passed on (the chat flashes a tick on Copy). */
  codeActionSent?(message: CodeActionMessage, button: HTMLElement): void;
}

/** A polite live region, for what a screen reader should hear without moving focus. */
export function liveRegion(): HTMLElement {
  return h('div', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
}

/** Starts listening to the host and to the page's buttons, then tells the host the page is ready. Call it last. */
export function startPage<In, Out>(page: PageShell<In, Out>): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const parsed = page.schema.safeParse(event.data);
    if (parsed.success) page.handle(parsed.data);
    else console.warn(`AI Hub ${page.name}: ignored an unexpected message`, parsed.error.issues[0]?.message);
  });
  catchLinks((message) => page.post(message));
  document.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('[data-action]');
    if (!button) return;
    const codeAction = codeActionOf(button);
    if (codeAction) {
      page.post(codeAction);
      page.codeActionSent?.(codeAction, button);
      return;
    }
    if (button.dataset.action) page.act(button.dataset.action, button);
  });
  page.post({ type: 'ready' });
  warmUpRendering();
}
