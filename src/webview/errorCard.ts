// A failed reply's card: the hub's words and the buttons that fix it (Set API Key, Choose Hub, Retry). After a
// switch to another hub, an old hub's failure is history, not what would happen now: it says so, quietly.
import type { AssistantTurn } from '../core/chat/conversation';
import { HUB_ADDRESS_ERRORS } from '../core/hub/errors';
import { h, icon, textButton } from './dom';

const KEY_ERRORS = new Set(['noKey', 'auth']);

/** `hub` is the hub requests go to now (its host), or empty when not known yet. */
export function renderErrorCard(turn: AssistantTurn, hub: string): HTMLElement {
  const message = turn.error?.message ?? 'The request failed.';
  const failedOn = turn.error?.hub;
  if (failedOn && hub && failedOn !== hub) {
    // The user has switched hubs since: the old hub's failure is history, not what would happen now.
    return h(
      'div',
      { class: 'turn-error stale', title: message },
      icon('history'),
      h('div', { class: 'error-text', text: `This failed on ${failedOn}, the hub used before. Retry asks ${hub}.` }),
      h('div', { class: 'error-actions' }, textButton('refresh', 'Retry', 'regenerate')),
    );
  }
  const actions = h('div', { class: 'error-actions' }, textButton('refresh', 'Retry', 'regenerate', 'primary'));
  const kind = turn.error?.kind ?? '';
  if (KEY_ERRORS.has(kind)) actions.prepend(textButton('key', 'Set API Key', 'set-key', 'primary'));
  if (HUB_ADDRESS_ERRORS.has(kind)) actions.prepend(textButton('server', 'Choose Hub', 'select-hub', 'primary'));
  return h('div', { class: 'turn-error', role: 'alert' }, icon('error'), h('div', { class: 'error-text', text: message }), actions);
}
