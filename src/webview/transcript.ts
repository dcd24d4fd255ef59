// The conversation on screen: questions, answers streaming in, their thinking, usage, status and errors.
// Buttons carry a `data-action`; one click handler on the page dispatches them.
import type { AssistantTurn, Conversation, Turn, UserTurn } from '../core/chat/conversation';
import { fallbackNotice, type FallbackStep } from '../core/chat/fallback';
import { questionChips } from './questionChips';
import { h, icon, iconButton, textButton } from './dom';
import { renderErrorCard } from './errorCard';
import { OffscreenReplies } from './offscreenReplies';
import { appendDelta, appendFinishedParts, disposeReply, refreshHeader, renderReply, type ReplyView } from './replyView';
import { renderQueue, type RenderJob } from './renderQueue';
import { renderUserText } from './userText';
import { WaitingNotes } from './waitingNotes';
import * as l10n from '@vscode/l10n';

/** Turns built in one go: the end of a conversation when it opens, then each batch above it. */
const TURNS_AT_ONCE = 20;

export class Transcript {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly replies = new Map<string, ReplyView>();
  private readonly waiting = new WaitingNotes(() => this.hub);
  private conversation: Conversation | undefined;
  /** The hub requests go to now (its host), as the extension last said. */
  private hub = '';
  /** Builds the turns of a long conversation above the ones on screen, while some are left. */
  private earlier: RenderJob | undefined;
  /** Finished replies are drawn when they near the screen, and dropped far from it. */
  private readonly offscreen: OffscreenReplies;

  constructor(private readonly announce: (text: string) => void) {
    this.list = h('div', { class: 'turns' });
    this.empty = h(
      'div',
      { class: 'empty' },
      icon('comment-discussion', 'empty-icon'),
      h('h2', { text: l10n.t('Ask AI Hub') }),
      h('p', { text: l10n.t('Ask about your code, or anything else. Answers stream in as you read.') }),
      h(
        'ul',
        {},
        h(
          'li',
          {},
          icon('list-selection'),
          h('span', { text: l10n.t('Attach the selection or the current file with the buttons below the input.') }),
        ),
        h('li', {}, icon('keyboard'), h('span', { text: l10n.t('Enter sends, Shift+Enter adds a line, Esc stops a reply.') })),
        h('li', {}, icon('history'), h('span', { text: l10n.t('Earlier conversations are in the history (title bar).') })),
      ),
    );
    // Nothing is known until the extension's first `state`: no welcome flashes before a conversation arrives.
    this.empty.hidden = true;
    this.element = h('main', { class: 'transcript', 'aria-label': l10n.t('Conversation'), tabindex: '-1' }, this.empty, this.list);
    this.offscreen = new OffscreenReplies(this.element);
  }

  /** The hub requests go to: an error from another hub (before a switch) is shown as that hub's. */
  setHub(hub: string): void {
    if (hub === this.hub) return;
    this.hub = hub;
    for (const view of this.replies.values()) {
      const card = view.element.querySelector('.turn-error');
      if (card && view.turn.status === 'error') card.replaceWith(renderErrorCard(view.turn, this.hub));
    }
  }

  get conversationId(): string | undefined {
    return this.conversation?.id;
  }

  get isEmpty(): boolean {
    return (this.conversation?.turns.length ?? 0) === 0;
  }

  get model(): string | undefined {
    return this.conversation?.model;
  }

  /** The last question asked, for Up in an empty input. */
  get lastQuestionId(): string | undefined {
    return this.conversation?.turns.findLast((t) => t.role === 'user')?.id;
  }

  setModel(model: string): void {
    if (this.conversation) this.conversation.model = model;
  }

  /**
   * Replaces everything with this conversation (after `ready`, a switch, or an edit). Its last turns are built and
   * drawn at once (the chat opens at its end); earlier ones are built a few at a time through the render queue,
   * above them, so that opening hundreds of turns never blocks the panel, and each reply is drawn only when it
   * comes near the screen (OffscreenReplies).
   */
  show(conversation: Conversation): void {
    this.conversation = conversation;
    for (const view of this.replies.values()) this.dispose(view);
    this.replies.clear();
    this.waiting.clear();
    if (this.earlier) renderQueue.remove(this.earlier);
    this.earlier = undefined;
    const turns = conversation.turns;
    let built = Math.max(0, turns.length - TURNS_AT_ONCE);
    if (built > 0) {
      // Queued before the replies below add theirs: those on screen are drawn first (the queue's order).
      this.earlier = {
        element: this.list,
        step: () => {
          const from = Math.max(0, built - TURNS_AT_ONCE);
          this.list.prepend(...turns.slice(from, built).map((t) => this.render(t, false)));
          built = from;
          return built > 0;
        },
        drew: () => this.refreshChrome(),
      };
      renderQueue.add(this.earlier);
    }
    this.list.replaceChildren(...turns.slice(built).map((t) => this.render(t)));
    this.refreshChrome();
  }

  add(turn: Turn): void {
    if (!this.conversation) return;
    this.conversation.turns.push(turn);
    this.list.append(this.render(turn));
    this.refreshChrome();
    if (turn.role === 'assistant') this.announce(l10n.t('{0} is answering.', turn.model));
  }

  delta(turnId: string, text: string, reasoning: string): void {
    const view = this.replies.get(turnId);
    if (!view) return;
    if (reasoning || text) this.waiting.stop(turnId);
    appendDelta(view, text, reasoning);
  }

  /** Another model answers this reply (a fallback): its header says which, and why. */
  setTurnModel(turnId: string, model: string, fallbacks: FallbackStep[]): void {
    const view = this.replies.get(turnId);
    if (!view) return;
    view.turn.model = model;
    view.turn.fallbacks = fallbacks;
    refreshHeader(view.element, view.turn);
    this.announce(fallbackNotice(fallbacks, model));
  }

  finish(turn: AssistantTurn): void {
    const view = this.replies.get(turn.id);
    if (!view || !this.conversation) return;
    this.waiting.stop(turn.id);
    refreshHeader(view.element, turn);
    const index = this.conversation.turns.findIndex((t) => t.id === turn.id);
    if (index >= 0) this.conversation.turns[index] = turn;
    if (view.body.value === turn.text && view.thinking.value === (turn.reasoning ?? '')) {
      // What streamed is already on screen: render only the unfinished tail, instead of the whole reply again
      // (hundreds of milliseconds for a long one).
      view.body.finish();
      view.thinking.finish();
      view.turn = turn;
      view.element.className = `turn assistant status-${turn.status}`;
      view.element.setAttribute('aria-busy', 'false');
      view.element.querySelector('.streaming-indicator')?.remove();
      view.body.element.classList.remove('streaming');
      view.details.hidden = !turn.reasoning;
      appendFinishedParts(view.element, view.body.element, turn, this.hub);
    } else {
      this.dispose(view);
      view.element.replaceWith(this.render(turn));
    }
    this.refreshChrome();
    const words =
      turn.status === 'done'
        ? l10n.t('Reply from {0}: {1}', turn.model, turn.text.slice(0, 400))
        : turn.status === 'stopped'
          ? l10n.t('Reply stopped.')
          : l10n.t('The reply failed: {0}', turn.error?.message ?? '');
    this.announce(words);
  }

  /** The user turn being edited is swapped for an editor; `done` puts the turn back. */
  editTurn(turnId: string, onSubmit: (text: string) => void, onCancel?: () => void): void {
    const turn = this.conversation?.turns.find((t): t is UserTurn => t.id === turnId && t.role === 'user');
    const element = this.list.querySelector<HTMLElement>(`[data-turn-id="${CSS.escape(turnId)}"]`);
    if (!turn || !element) return;
    const input = h('textarea', { class: 'edit-input', 'aria-label': l10n.t('Edit your message'), rows: '3' });
    input.value = turn.text;
    const restore = () => {
      editor.replaceWith(this.render(turn));
      onCancel?.();
    };
    const submit = () => {
      if (input.value.trim()) onSubmit(input.value);
      else restore();
    };
    const save = textButton('send', l10n.t('Send'), 'edit-submit', 'primary');
    const cancel = textButton('close', l10n.t('Cancel'), 'edit-cancel');
    save.addEventListener('click', submit);
    cancel.addEventListener('click', restore);
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        submit();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        restore();
      }
    });
    const later = this.conversation?.turns.slice(this.conversation.turns.indexOf(turn) + 1) ?? [];
    const laterQuestions = later.filter((t) => t.role === 'user').length;
    const hint =
      laterQuestions === 0
        ? l10n.t('Sending replaces its answer.')
        : laterQuestions === 1
          ? l10n.t('Sending replaces its answer and removes the 1 later question and its answer.')
          : l10n.t('Sending replaces its answer and removes the {0} later questions and their answers.', laterQuestions);
    const editor = h(
      'article',
      { class: 'turn user editing', 'data-turn-id': turnId },
      input,
      h('div', { class: 'edit-actions' }, h('span', { class: 'hint', text: hint }), cancel, save),
    );
    element.replaceWith(editor);
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }

  /** A turn's element; a finished reply's text is drawn now, or (`draw` false) when it nears the screen. */
  private render(turn: Turn, draw = true): HTMLElement {
    if (turn.role === 'user') return this.renderUser(turn);
    const view = renderReply(turn, { waiting: this.waiting, hub: this.hub }, draw);
    this.replies.set(turn.id, view);
    if (turn.status !== 'streaming') this.offscreen.watch(view, draw);
    return view.element;
  }

  private dispose(view: ReplyView): void {
    this.offscreen.forget(view);
    disposeReply(view);
  }

  private renderUser(turn: UserTurn): HTMLElement {
    const chips = questionChips(turn);
    return h(
      'article',
      { class: 'turn user', 'data-turn-id': turn.id, 'aria-label': l10n.t('You said') },
      h(
        'div',
        { class: 'turn-header' },
        icon('account'),
        h('span', { class: 'who', text: l10n.t('You') }),
        h('div', { class: 'turn-actions' }, iconButton('edit', l10n.t('Edit and Resend'), 'edit')),
      ),
      renderUserText(turn.display ?? turn.text),
      chips,
    );
  }

  /** The empty state, and Regenerate only on the last reply. */
  private refreshChrome(): void {
    const hasTurns = (this.conversation?.turns.length ?? 0) > 0;
    this.empty.hidden = !this.conversation || hasTurns;
    const replies = this.list.querySelectorAll<HTMLElement>('.turn.assistant');
    replies.forEach((el, i) => {
      const regenerate = el.querySelector<HTMLElement>('[data-last-only]');
      if (regenerate) regenerate.hidden = i !== replies.length - 1;
    });
  }

  replyText(turnId: string): string | undefined {
    return this.replies.get(turnId)?.turn.text;
  }
}
