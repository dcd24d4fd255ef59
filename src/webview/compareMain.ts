// The Compare tab: one column per model, each streaming as its answer arrives. The extension owns the
// comparison; this page renders what it is told and sends what the user does.
import '@vscode/codicons/dist/codicon.css';
import './styles/chat.css';
import './styles/highlight.css';
import './styles/compare.css';
import './l10n';
import type { AssistantTurn } from '../core/chat/conversation';
import { attachmentLabel } from '../core/chat/requestMessages';
import { columnsOf, questionOf } from '../core/compare/comparison';
import { compareHostMessageSchema, type CompareHostMessage, type CompareWebviewMessage } from '../shared/compareProtocol';
import { CompareColumn, PHASE_TEXT } from './compareColumn';
import { h, icon, textButton } from './dom';
import { liveRegion, startPage } from './pageShell';
import { postCompare, saveState } from './vscodeApi';
import * as l10n from '@vscode/l10n';

const app = document.getElementById('app')!;
const columns = new Map<string, CompareColumn>();
const live = liveRegion();
const noticeText = h('span');
const notice = h('div', { class: 'notice', role: 'status', hidden: true }, icon('info'), noticeText);
const question = h('div', { class: 'compare-question' });
const stopAll = textButton('debug-stop', l10n.t('Stop All'), 'stop-all');
const toolbar = h('div', { class: 'compare-toolbar' }, stopAll, textButton('export', l10n.t('Export'), 'export'));
const grid = h('div', { class: 'compare-grid' });
app.classList.add('compare');
app.append(h('header', { class: 'compare-top' }, question, toolbar), notice, grid, live);

function post(message: CompareWebviewMessage): void {
  postCompare(message);
}

function refreshStopAll(): void {
  stopAll.hidden = ![...columns.values()].some((c) => c.element.getAttribute('aria-busy') === 'true');
}

function handle(message: CompareHostMessage): void {
  switch (message.type) {
    case 'state': {
      const c = message.comparison;
      saveState({ comparisonId: c.id });
      const q = questionOf(c);
      question.replaceChildren(
        h('div', { class: 'user-text', text: q ? (q.display ?? q.text) : '' }),
        ...(q?.context?.length
          ? [
              h(
                'div',
                { class: 'chips' },
                ...q.context.map((a) =>
                  h('span', { class: 'chip', title: a.fileName }, icon('file-code'), h('span', { text: attachmentLabel(a) })),
                ),
              ),
            ]
          : []),
      );
      const views = new Map(message.columns.map((v) => [v.id, v]));
      columns.clear();
      const turns: AssistantTurn[] = columnsOf(c);
      grid.style.setProperty('--columns', String(turns.length));
      grid.replaceChildren(
        ...turns.map((t) => {
          const column = new CompareColumn(t, views.get(t.id) ?? { id: t.id, phase: 'done', cost: 'unknown' });
          columns.set(t.id, column);
          return column.element;
        }),
      );
      refreshStopAll();
      return;
    }
    case 'delta':
      columns.get(message.columnId)?.delta(message.text, message.reasoning);
      return;
    case 'column': {
      const column = columns.get(message.column.id);
      if (!column) return;
      if (message.turn) {
        column.finish(message.turn);
        live.textContent =
          message.column.phase === 'done'
            ? l10n.t('{0}: answer complete.', message.turn.model)
            : `${message.turn.model}: ${PHASE_TEXT[message.column.phase]}`;
      }
      column.setView(message.column);
      refreshStopAll();
      return;
    }
    case 'notice':
      noticeText.textContent = message.message;
      notice.hidden = false;
      return;
  }
}

startPage<CompareHostMessage, CompareWebviewMessage>({
  name: 'compare',
  schema: compareHostMessageSchema,
  post,
  handle,
  act: (action, button) => {
    const columnId = button.closest<HTMLElement>('[data-column-id]')?.dataset.columnId;
    switch (action) {
      case 'stop-all':
        post({ type: 'stop' });
        return;
      case 'export':
        post({ type: 'export' });
        return;
      case 'column-stop':
        if (columnId) post({ type: 'stop', columnId });
        return;
      case 'column-retry':
        if (columnId) post({ type: 'retry', columnId });
        return;
      case 'column-continue':
        if (columnId) post({ type: 'continue', columnId });
        return;
      case 'column-copy': {
        const text = columnId ? columns.get(columnId)?.text : undefined;
        if (text) post({ type: 'copyText', text });
        return;
      }
    }
  },
});
