// One reply of the transcript on screen: its header (model, fallbacks), thinking, body (drawn through MarkdownView),
// and what a finished reply shows under its text (status, warnings, error card, usage and cost, actions).
import type { AssistantTurn } from '../core/chat/conversation';
import { fallbackNotice } from '../core/chat/fallback';
import { replyCostText, usageLine } from '../core/money/replyCost';
import { h, icon, iconButton, textButton } from './dom';
import { renderErrorCard } from './errorCard';
import { estimatedHeight } from './boxHeights';
import { MarkdownView } from './markdownView';
import type { WaitingNotes } from './waitingNotes';
import * as l10n from '@vscode/l10n';

export interface ReplyView {
  turn: AssistantTurn;
  element: HTMLElement;
  body: MarkdownView;
  thinking: MarkdownView;
  details: HTMLDetailsElement;
}

const STATUS_TEXT: Partial<Record<AssistantTurn['status'], { icon: string; text: string }>> = {
  stopped: { icon: 'stop-circle', text: l10n.t('Stopped') },
  interrupted: { icon: 'warning', text: l10n.t('Interrupted: the window was reloaded or closed while this reply was streaming') },
};

/** A streamed piece of a reply on screen: its thinking (shown once there is some) and its text, kept in its turn too. */
export function appendDelta(view: Omit<ReplyView, 'element'>, text: string, reasoning: string): void {
  if (reasoning) {
    view.details.hidden = false;
    view.turn.reasoning = (view.turn.reasoning ?? '') + reasoning;
    view.thinking.append(reasoning);
  }
  if (text) {
    view.turn.text += text;
    view.body.append(text);
  }
}

/** What a reply needs of the page it is drawn in. */
export interface ReplyPage {
  waiting: WaitingNotes;
  /** The hub requests go to now (its host): an error card names it. */
  hub: string;
}

/**
 * A reply's article: header, notes, thinking and body. A finished reply's text is queued for drawing (unless `draw`
 * is false: then it is only kept, for OffscreenReplies to draw when it nears the screen); a streaming one's
 * `waiting` runs until its first token.
 */
export function renderReply(turn: AssistantTurn, page: ReplyPage, draw = true): ReplyView {
  const streaming = turn.status === 'streaming';
  const bodyEl = h('div', { class: 'markdown reply-body' });
  const thinkingEl = h('div', { class: 'markdown thinking-body' });
  const details = h(
    'details',
    { class: 'thinking' },
    h('summary', {}, icon('lightbulb'), h('span', { text: l10n.t('Thinking') })),
    thinkingEl,
  );
  details.hidden = !turn.reasoning;
  const element = h(
    'article',
    {
      class: `turn assistant status-${turn.status}`,
      'data-turn-id': turn.id,
      'aria-label': l10n.t('Reply from {0}', turn.model),
      'aria-busy': streaming ? 'true' : 'false',
    },
    h(
      'div',
      { class: 'turn-header' },
      icon('sparkle'),
      h('span', { class: 'who', text: turn.model }),
      streaming ? icon('loading', 'codicon-modifier-spin streaming-indicator') : undefined,
    ),
    turn.contextNote
      ? h(
          'div',
          { class: 'turn-status context-note' },
          icon('warning'),
          h('span', { text: turn.contextNote }),
          textButton('add', l10n.t('New Chat'), 'new-chat'),
        )
      : undefined,
    turn.fallbacks?.length ? fallbackNote(turn) : undefined,
    details,
    bodyEl,
  );
  // Off screen, a turn keeps about its height (content-visibility), not a line's: see estimatedHeight.
  element.style.containIntrinsicSize = `auto ${estimatedHeight(turn.text.length + (turn.reasoning?.length ?? 0)) + 80}px`;
  const body = new MarkdownView(bodyEl);
  const thinking = new MarkdownView(thinkingEl);
  if (streaming) {
    body.append(turn.text);
    thinking.append(turn.reasoning ?? '');
    bodyEl.classList.add('streaming');
    if (!turn.text && !turn.reasoning) page.waiting.start(turn.id, turn.createdAt, element);
  } else {
    if (draw) {
      body.setFinal(turn.text);
      thinking.setFinal(turn.reasoning ?? '');
    } else {
      body.hold(turn.text);
      thinking.hold(turn.reasoning ?? '');
    }
    appendFinishedParts(element, bodyEl, turn, page.hub);
  }
  return { turn, element, body, thinking, details };
}

/** What a finished reply shows under its text: its status, warnings, error and footer. */
export function appendFinishedParts(element: HTMLElement, bodyEl: HTMLElement, turn: AssistantTurn, hub: string): void {
  if (!turn.text && turn.status === 'done') bodyEl.append(h('p', { class: 'muted', text: l10n.t('(The model sent an empty reply.)') }));
  const status = STATUS_TEXT[turn.status];
  if (status) element.append(h('div', { class: `turn-status ${turn.status}` }, icon(status.icon), h('span', { text: status.text })));
  if (turn.possiblyTruncated)
    element.append(
      h(
        'div',
        { class: 'turn-status' },
        icon('warning'),
        h('span', { text: l10n.t('The hub ended the reply without saying it was complete: it may be cut short.') }),
      ),
    );
  if (turn.finishReason === 'length')
    element.append(
      h('div', { class: 'turn-status' }, icon('warning'), h('span', { text: l10n.t("The reply reached the model's length limit.") })),
    );
  if (turn.status === 'error') element.append(renderErrorCard(turn, hub));
  element.append(renderFooter(turn));
}

function renderFooter(turn: AssistantTurn): HTMLElement {
  const cost = replyCostText(turn);
  const parts = [
    turn.usage ? usageLine(turn.usage) : '',
    cost ?? '',
    turn.servedModel ? l10n.t('answered by {0}', turn.servedModel) : '',
  ].filter(Boolean);
  const title = [
    turn.usage ? l10n.t('{0} tokens in total', turn.usage.totalTokens.toLocaleString()) : '',
    turn.cost !== undefined && turn.usage?.cost === undefined ? l10n.t("Cost from the hub's published price for these tokens") : '',
    turn.servedModel ? l10n.t('Asked for {0}; the hub answered with {1}', turn.model, turn.servedModel) : '',
    turn.requestId ? l10n.t('Request id: {0}', turn.requestId) : '',
  ]
    .filter(Boolean)
    .join('\n');
  const usage = parts.length > 0 ? h('span', { class: 'usage', title }, parts.join(' · ')) : undefined;
  const actions = h('div', { class: 'turn-actions' });
  if (turn.text) actions.append(iconButton('copy', l10n.t('Copy Reply'), 'copy-reply'));
  actions.append(iconButton('refresh', l10n.t('Regenerate'), 'regenerate', { 'data-last-only': 'true' }));
  return h('div', { class: 'turn-footer' }, usage ?? h('span'), actions);
}

/** The model's name, and the fallback notice when other models could not answer first. */
export function refreshHeader(element: HTMLElement, turn: AssistantTurn): void {
  const who = element.querySelector<HTMLElement>('.turn-header .who');
  if (who) who.textContent = turn.model;
  element.setAttribute('aria-label', l10n.t('Reply from {0}', turn.model));
  element.querySelector('.fallback-notice')?.remove();
  if (turn.fallbacks?.length) element.querySelector('.turn-header')?.after(fallbackNote(turn));
}

/** A reply leaving the page: what its views had still to draw is dropped. */
export function disposeReply(view: ReplyView): void {
  view.body.dispose();
  view.thinking.dispose();
}

function fallbackNote(turn: AssistantTurn): HTMLElement {
  const text = fallbackNotice(turn.fallbacks ?? [], turn.status === 'error' ? undefined : turn.model);
  return h('div', { class: 'fallback-notice', role: 'note', title: 'aihub.fallbackModels' }, icon('arrow-swap'), h('span', { text }));
}
