// Each code block gets a header with its language and the actions: copy, insert at the cursor, replace the
// selection, open in a new editor, apply to its file through a diff. The code itself is read back from the DOM
// when a button is pressed; the chat and the Compare tab send the same message for each.
import type { CodeAction, CodeActionMessage } from '../shared/chatProtocol';
import { h } from './dom';
import * as l10n from '@vscode/l10n';

export function decorateCodeBlocks(root: ParentNode, options: { streaming: boolean }): void {
  for (const pre of Array.from(root.querySelectorAll('pre'))) {
    const code = pre.querySelector('code');
    if (!code || pre.parentElement?.classList.contains('code-block')) continue;
    const language = /(?:^|\s)language-([^\s]+)/.exec(code.className)?.[1] ?? '';
    code.classList.add('hljs');
    const actions = options.streaming
      ? h('div', { class: 'code-actions' })
      : h(
          'div',
          { class: 'code-actions' },
          labelledButton('copy', l10n.t('Copy'), l10n.t('Copy'), 'code-copy'),
          labelledButton('insert', l10n.t('Insert'), l10n.t('Insert at Cursor'), 'code-insert'),
          labelledButton('replace', l10n.t('Replace'), l10n.t('Replace Selection'), 'code-replace'),
          labelledButton('new-file', l10n.t('New File'), l10n.t('Open in New Editor'), 'code-new-file'),
          labelledButton('diff', l10n.t('Apply'), l10n.t('Apply to File (opens a diff to accept or reject)'), 'code-apply'),
        );
    // The file the fence names (markdown.ts keeps it on the code element): shown, and Apply opens that file.
    const path = code.dataset.path;
    const label = path ? `${language || 'text'} · ${path}` : language || 'text';
    const header = h('div', { class: 'code-header' }, h('span', { class: 'code-language', text: label, title: label }), actions);
    const block = h('div', { class: 'code-block', 'data-language': language });
    if (path) block.dataset.path = path;
    pre.replaceWith(block);
    block.append(header, pre);
  }
}

/**
 * An icon with a short label, shown when the panel is wide enough (the stylesheet hides it when narrow). One element:
 * the icon is its codicon class's ::before and the label its ::after, not two spans, because every code block of
 * every reply has five of these: ten elements fewer per block for the page to lay out and the GC to trace.
 */
function labelledButton(name: string, short: string, label: string, action: string): HTMLButtonElement {
  return h('button', {
    class: `icon-button labelled codicon-${name}`,
    type: 'button',
    title: label,
    'aria-label': label,
    'data-action': action,
    'data-label': short,
  });
}

const ACTIONS: Record<string, CodeAction> = {
  'code-copy': 'copy',
  'code-insert': 'insert',
  'code-replace': 'replace',
  'code-new-file': 'newFile',
  'code-apply': 'apply',
};

/** The message for a code block's button, with the block's code, language and named file; else undefined. */
export function codeActionOf(button: HTMLElement): CodeActionMessage | undefined {
  const action = ACTIONS[button.dataset.action ?? ''];
  const block = button.closest<HTMLElement>('.code-block');
  // A long block is drawn in pieces, one <pre> each (markdownView.ts): its code is all of them.
  const codes = block ? Array.from(block.querySelectorAll('pre > code')) : [];
  if (!action || !block || codes.length === 0) return undefined;
  const message: CodeActionMessage = {
    type: 'codeAction',
    action,
    code: codes
      .map((code) => code.textContent ?? '')
      .join('')
      .replace(/\n$/, ''),
    language: block.dataset.language ?? '',
  };
  if (block.dataset.path) message.path = block.dataset.path;
  return message;
}
