// A failed reply's card: the hub's words, its request id and the buttons that fix it (Set API Key, Choose Hub,
// Top Up, Retry). After a
// switch to another hub, an old hub's failure is history, not what would happen now: it says so, quietly.
import type { AssistantTurn } from '../core/chat/conversation';
import { HUB_ADDRESS_ERRORS } from '../core/hub/errors';
import { h, icon, iconButton, textButton } from './dom';
import * as l10n from '@vscode/l10n';

const KEY_ERRORS = new Set(['noKey', 'auth']);

/** `hub` is the hub requests go to now (its host), or empty when not known yet. */
export function renderErrorCard(turn: AssistantTurn, hub: string): HTMLElement {
  const message = turn.error?.message ?? l10n.t('The request failed.');
  const failedOn = turn.error?.hub;
  if (failedOn && hub && failedOn !== hub) {
    // The user has switched hubs since: the old hub's failure is history, not what would happen now.
    return h(
      'div',
      { class: 'turn-error stale', title: message },
      icon('history'),
      h('div', { class: 'error-text', text: l10n.t('This failed on {0}, the hub used before. Retry asks {1}.', failedOn, hub) }),
      h('div', { class: 'error-actions' }, textButton('refresh', l10n.t('Retry'), 'regenerate')),
    );
  }
  const actions = h('div', { class: 'error-actions' }, textButton('refresh', l10n.t('Retry'), 'regenerate', 'primary'));
  const kind = turn.error?.kind ?? '';
  if (KEY_ERRORS.has(kind)) actions.prepend(textButton('key', l10n.t('Set API Key'), 'set-key', 'primary'));
  if (HUB_ADDRESS_ERRORS.has(kind)) actions.prepend(textButton('server', l10n.t('Choose Hub'), 'select-hub', 'primary'));
  if (kind === 'quota') actions.prepend(textButton('credit-card', l10n.t('Top Up'), 'top-up', 'primary'));
  // The hub's id for the request, to quote to its support; copyable.
  const requestId = turn.error?.requestId
    ? h(
        'div',
        { class: 'request-id muted' },
        h('span', { text: l10n.t('Request id: {0}', turn.error.requestId) }),
        iconButton('copy', l10n.t('Copy Request Id'), 'copy-request-id', { 'data-request-id': turn.error.requestId }),
      )
    : undefined;
  return h(
    'div',
    { class: 'turn-error', role: 'alert' },
    icon('error'),
    h('div', { class: 'error-text', text: message }, ...(requestId ? [requestId] : [])),
    actions,
  );
}
