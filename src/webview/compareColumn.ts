// One model's column in the Compare tab: its answer streaming in (the chat's markdown view, code-block actions
// and folded thinking), what it is doing, its figures once it ends, and its error in its own words with Retry.
import type { AssistantTurn } from '../core/chat/conversation';
import { metricRows } from '../core/compare/metrics';
import type { ColumnView } from '../shared/compareProtocol';
import { h, icon, iconButton, textButton } from './dom';
import { MarkdownView } from './markdownView';
import { appendDelta } from './replyView';
import * as l10n from '@vscode/l10n';

export const PHASE_TEXT: Record<ColumnView['phase'], string> = {
  queued: l10n.t('Waiting for a free slot…'),
  waiting: l10n.t('Waiting…'),
  streaming: l10n.t('Answering…'),
  done: l10n.t('Done'),
  stopped: l10n.t('Stopped'),
  error: l10n.t('Failed'),
  interrupted: l10n.t('Interrupted: the window was reloaded or closed while this answer was streaming'),
};

export class CompareColumn {
  readonly element: HTMLElement;
  private readonly status: HTMLElement;
  private readonly statusText: HTMLElement;
  private readonly actions: HTMLElement;
  private readonly bodyEl: HTMLElement;
  private readonly details: HTMLDetailsElement;
  private readonly extras: HTMLElement;
  private readonly figures: HTMLElement;
  private body: MarkdownView;
  private thinking: MarkdownView;
  private view: ColumnView;
  private readonly scroll: HTMLElement;
  /** The reader is at the end of this column: keep it there as the answer grows. */
  private atBottom = true;
  constructor(
    private turn: AssistantTurn,
    view: ColumnView,
  ) {
    this.view = view;
    this.statusText = h('span');
    this.status = h('div', { class: 'column-status', role: 'status' }, this.statusText);
    this.actions = h('div', { class: 'column-actions' });
    this.bodyEl = h('div', { class: 'markdown reply-body' });
    const thinkingEl = h('div', { class: 'markdown thinking-body' });
    this.details = h(
      'details',
      { class: 'thinking' },
      h('summary', {}, icon('lightbulb'), h('span', { text: l10n.t('Thinking') })),
      thinkingEl,
    );
    this.extras = h('div', { class: 'column-extras' });
    this.figures = h('dl', { class: 'column-figures', 'aria-label': l10n.t('Figures for {0}', turn.model) });
    this.element = h(
      'section',
      { class: 'column', 'data-column-id': turn.id, 'aria-label': l10n.t('Answer from {0}', turn.model) },
      h(
        'header',
        { class: 'column-header' },
        icon('sparkle'),
        h('span', { class: 'who', text: turn.model, title: turn.model }),
        this.actions,
      ),
      this.status,
      (this.scroll = h('div', { class: 'column-scroll' }, this.details, this.bodyEl, this.extras)),
      this.figures,
    );
    this.scroll.addEventListener('scroll', () => {
      this.atBottom = this.scroll.scrollHeight - this.scroll.scrollTop - this.scroll.clientHeight < 40;
    });
    // The column follows its answer from a ResizeObserver, which runs once per frame after the page's layout: read
    // after each render instead, each column's height was read right after it changed, so three columns laid the
    // page out three times a frame.
    const follow = new ResizeObserver(() => {
      if (this.atBottom) this.scroll.scrollTop = this.scroll.scrollHeight;
    });
    for (const part of [this.details, this.bodyEl, this.extras]) follow.observe(part);
    this.body = new MarkdownView(this.bodyEl);
    this.thinking = new MarkdownView(thinkingEl);
    this.showTurn(turn);
    this.setView(view);
  }

  get id(): string {
    return this.turn.id;
  }

  get text(): string {
    return this.turn.text;
  }

  delta(text: string, reasoning: string): void {
    appendDelta({ turn: this.turn, body: this.body, thinking: this.thinking, details: this.details }, text, reasoning);
  }

  setView(view: ColumnView): void {
    this.view = view;
    const running = view.phase === 'queued' || view.phase === 'waiting' || view.phase === 'streaming';
    this.element.className = `column phase-${view.phase}`;
    this.element.setAttribute('aria-busy', running ? 'true' : 'false');
    this.statusText.textContent = view.note ?? PHASE_TEXT[view.phase];
    this.status.replaceChildren(
      running ? icon('loading', 'codicon-modifier-spin') : icon(STATUS_ICON[view.phase] ?? 'circle-large'),
      this.statusText,
    );
    this.actions.replaceChildren(
      ...(running
        ? [iconButton('debug-stop', l10n.t('Stop {0}', this.turn.model), 'column-stop')]
        : [
            ...(this.turn.text ? [iconButton('copy', l10n.t('Copy Answer'), 'column-copy')] : []),
            iconButton('refresh', l10n.t('Retry {0}', this.turn.model), 'column-retry'),
          ]),
    );
    this.renderFigures();
  }

  /** The column's settled reply: what streamed is kept on screen, only the unfinished tail is rendered again. */
  finish(turn: AssistantTurn): void {
    if (this.body.value === turn.text && this.thinking.value === (turn.reasoning ?? '')) {
      this.turn = turn;
      this.body.finish();
      this.thinking.finish();
      this.details.hidden = !turn.reasoning;
      this.renderExtras();
    } else this.showTurn(turn);
    this.renderFigures();
  }

  /** Retried: an empty column again. */
  restart(turn: AssistantTurn): void {
    this.showTurn(turn);
  }

  private showTurn(turn: AssistantTurn): void {
    this.turn = { ...turn };
    this.bodyEl.replaceChildren();
    const thinkingEl = this.details.querySelector<HTMLElement>('.thinking-body')!;
    thinkingEl.replaceChildren();
    this.body = new MarkdownView(this.bodyEl);
    this.thinking = new MarkdownView(thinkingEl);
    this.details.hidden = !turn.reasoning;
    if (turn.status === 'streaming') {
      this.body.append(turn.text);
      this.thinking.append(turn.reasoning ?? '');
    } else {
      this.body.setFinal(turn.text);
      this.thinking.setFinal(turn.reasoning ?? '');
    }
    this.renderExtras();
  }

  private renderExtras(): void {
    const t = this.turn;
    const parts: HTMLElement[] = [];
    if (t.status === 'done' && !t.text) parts.push(h('p', { class: 'muted', text: l10n.t('(The model sent an empty reply.)') }));
    if (t.possiblyTruncated)
      parts.push(
        h(
          'div',
          { class: 'turn-status' },
          icon('warning'),
          h('span', { text: l10n.t('The hub ended the reply without saying it was complete: it may be cut short.') }),
        ),
      );
    if (t.finishReason === 'length')
      parts.push(
        h('div', { class: 'turn-status' }, icon('warning'), h('span', { text: l10n.t("The reply reached the model's length limit.") })),
      );
    if (t.status === 'error')
      parts.push(
        h(
          'div',
          { class: 'turn-error', role: 'alert' },
          icon('error'),
          h('div', { class: 'error-text', text: t.error?.message ?? l10n.t('The request failed.') }),
          h('div', { class: 'error-actions' }, textButton('refresh', l10n.t('Retry'), 'column-retry', 'primary')),
        ),
      );
    if (t.status !== 'streaming' && t.text)
      parts.push(
        h('div', { class: 'column-continue' }, textButton('comment-discussion', l10n.t('Continue with this one'), 'column-continue')),
      );
    this.extras.replaceChildren(...parts);
  }

  private renderFigures(): void {
    const rows = metricRows(this.turn, this.view.cost);
    this.figures.replaceChildren(...rows.flatMap(([label, value]) => [h('dt', { text: label }), h('dd', { text: value })]));
  }
}

const STATUS_ICON: Partial<Record<ColumnView['phase'], string>> = {
  done: 'pass',
  stopped: 'stop-circle',
  error: 'error',
  interrupted: 'warning',
};
