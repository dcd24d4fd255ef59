// Each code block gets a header with its language and the actions: copy, insert at the cursor, replace the
// selection, open in a new editor. The code itself is read back from the DOM when a button is pressed.
import { h, icon } from './dom';

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
          labelledButton('copy', 'Copy', 'Copy', 'code-copy'),
          labelledButton('insert', 'Insert', 'Insert at Cursor', 'code-insert'),
          labelledButton('replace', 'Replace', 'Replace Selection', 'code-replace'),
          labelledButton('new-file', 'New File', 'Open in New Editor', 'code-new-file'),
        );
    const header = h('div', { class: 'code-header' }, h('span', { class: 'code-language', text: language || 'text' }), actions);
    const block = h('div', { class: 'code-block', 'data-language': language });
    pre.replaceWith(block);
    block.append(header, pre);
  }
}

/** An icon with a short label, shown when the panel is wide enough (the stylesheet hides it when narrow). */
function labelledButton(name: string, short: string, label: string, action: string): HTMLButtonElement {
  return h(
    'button',
    { class: 'icon-button labelled', type: 'button', title: label, 'aria-label': label, 'data-action': action },
    icon(name),
    h('span', { class: 'button-label', text: short }),
  );
}

/** The code and language of the block a toolbar button belongs to. */
export function codeOf(button: Element): { code: string; language: string } | undefined {
  const block = button.closest('.code-block');
  const code = block?.querySelector('pre code');
  if (!block || !code) return undefined;
  return { code: (code.textContent ?? '').replace(/\n$/, ''), language: block.getAttribute('data-language') ?? '' };
}
