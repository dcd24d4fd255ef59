// A question as the transcript shows it: a pasted file can be thousands of lines, so a long one is folded, with
// a button to unfold it (and fold it again).
import { h } from './dom';
import * as l10n from '@vscode/l10n';

/** A question longer than this many lines is folded to its first FOLDED_LINES, with "Show all". */
const FOLD_LINES = 40;
const FOLDED_LINES = 24;
/** …and one longer than this many characters (a pasted file on a few very long lines) to this many. */
const FOLD_CHARS = 6_000;

export function renderUserText(text: string): HTMLElement {
  const lines = text.split('\n');
  if (lines.length <= FOLD_LINES && text.length <= FOLD_CHARS) return h('div', { class: 'user-text', text });
  const folded = lines.slice(0, FOLDED_LINES).join('\n').slice(0, FOLD_CHARS);
  const body = h('div', { class: 'user-text folded', text: folded });
  const more =
    lines.length > FOLD_LINES
      ? l10n.t('Show all {0} lines', lines.length.toLocaleString('en-US'))
      : l10n.t('Show all {0} characters', text.length.toLocaleString('en-US'));
  const toggle = h('button', { class: 'link-button fold-toggle', type: 'button', 'aria-expanded': 'false', text: more });
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    body.textContent = open ? text : folded;
    body.classList.toggle('folded', !open);
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? l10n.t('Show less') : more;
  });
  return h('div', { class: 'user-text-box' }, body, toggle);
}
