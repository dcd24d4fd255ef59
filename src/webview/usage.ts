// The Usage page: draws the summaries the extension sends (one month of the usage log) and asks for other months,
// a refresh or a CSV export. It keeps only the person's choice of cost or tokens (in the webview state).
import './styles/usage.css';
import './l10n';
import { formatCost, formatTokens } from '../core/usage/format';
import { usageHostMessageSchema, type UsageHostMessage, type UsageViewMessage } from '../shared/usageProtocol';
import { h } from './dom';
import { UsageChart } from './usageChart';
import * as l10n from '@vscode/l10n';

type Summary = Extract<UsageHostMessage, { type: 'summary' }>['summary'];
type Metric = 'cost' | 'tokens';

interface VsCodeApi {
  postMessage(message: UsageViewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const api = acquireVsCodeApi();
const post = (message: UsageViewMessage) => api.postMessage(message);
const savedMetric = (api.getState() as { metric?: Metric } | undefined)?.metric;

const monthSelect = h('select', { 'aria-label': l10n.t('Month'), 'data-action': 'month' });
const costButton = h('button', { type: 'button', class: 'segment', 'data-metric': 'cost', text: l10n.t('Cost') });
const tokensButton = h('button', { type: 'button', class: 'segment', 'data-metric': 'tokens', text: l10n.t('Tokens') });
const exportButton = h('button', { type: 'button', class: 'text-button primary', 'data-action': 'export', text: l10n.t('Export CSV…') });
const refreshButton = h('button', { type: 'button', class: 'text-button secondary', 'data-action': 'refresh', text: l10n.t('Refresh') });
const totalLabel = h('div', { class: 'stat-label' });
const totalValue = h('div', { class: 'stat-value', 'data-testid': 'month-total' });
const totalNote = h('div', { class: 'stat-note' });
const repliesValue = h('div', { class: 'stat-value' });
const tokensValue = h('div', { class: 'stat-value' });
const canvas = h('canvas', { role: 'img' });
const empty = h('p', { class: 'empty', hidden: true });
const topBody = h('tbody');
const notice = h('div', { class: 'notice', role: 'status', hidden: true });

document
  .getElementById('app')!
  .append(
    h(
      'header',
      { class: 'toolbar' },
      h('h1', { text: l10n.t('AI Hub Usage') }),
      monthSelect,
      h('div', { class: 'segments', role: 'group', 'aria-label': l10n.t('Show') }, costButton, tokensButton),
      h('span', { class: 'spacer' }),
      refreshButton,
      exportButton,
    ),
    notice,
    h(
      'section',
      { class: 'stats' },
      h('div', { class: 'stat' }, totalLabel, totalValue, totalNote),
      h('div', { class: 'stat' }, h('div', { class: 'stat-label', text: l10n.t('Replies') }), repliesValue),
      h('div', { class: 'stat' }, h('div', { class: 'stat-label', text: l10n.t('Tokens (in + out)') }), tokensValue),
    ),
    h('section', { class: 'chart-box' }, h('div', { class: 'chart' }, canvas), empty),
    h(
      'section',
      { class: 'top' },
      h('h2', { text: l10n.t('Top models') }),
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[l10n.t('Model'), l10n.t('Cost'), l10n.t('Tokens'), l10n.t('Replies')].map((t) => h('th', { scope: 'col', text: t })),
          ),
        ),
        topBody,
      ),
    ),
  );

const chart = new UsageChart(canvas);
let summary: Summary | undefined;
let metric: Metric | undefined = savedMetric;
let current = '';

function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(document.documentElement.lang || 'en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function render(): void {
  if (!summary) return;
  const s = summary;
  // Cost only where some reply of the month has one: tokens are never turned into a made-up price.
  const shown: Metric = s.metric === 'cost' && metric !== 'tokens' ? 'cost' : 'tokens';
  costButton.disabled = s.metric !== 'cost';
  costButton.title = s.metric === 'cost' ? '' : l10n.t('No reply this month has a known cost.');
  costButton.setAttribute('aria-pressed', String(shown === 'cost'));
  tokensButton.setAttribute('aria-pressed', String(shown === 'tokens'));
  const money = (v: number) => formatCost(v, s.currency ?? '');

  totalLabel.textContent = s.month === current ? l10n.t('This month') : l10n.t('In {0}', monthLabel(s.month));
  totalValue.textContent = s.total.cost !== null && s.currency ? money(s.total.cost) : 'unknown';
  totalNote.textContent =
    s.total.unpriced > 0 && s.total.replies > 0
      ? s.total.unpriced === s.total.replies
        ? l10n.t('No reply has a known cost: the hub publishes no prices for these models.')
        : l10n.t(
            '{0} of {1} replies have no known cost and are not in this total.',
            s.total.unpriced.toLocaleString('en-US'),
            s.total.replies.toLocaleString('en-US'),
          )
      : '';
  repliesValue.textContent = `${s.total.replies.toLocaleString('en-US')}${s.total.errors ? ` (${s.total.errors.toLocaleString('en-US')} failed)` : ''}`;
  tokensValue.textContent = formatTokens(s.total.tokens);

  empty.hidden = s.total.replies > 0;
  empty.textContent = l10n.t('No replies recorded in {0}.', monthLabel(s.month));
  canvas.parentElement!.hidden = s.total.replies === 0;
  if (s.total.replies > 0) {
    chart.draw({
      labels: s.days.map((d) => String(Number(d.slice(8)))),
      series: s.series.map((x) => ({ label: x.model, values: shown === 'cost' ? x.cost : x.tokens })),
      format: shown === 'cost' ? money : formatTokens,
      description:
        shown === 'cost'
          ? l10n.t('Spend per day by model in {0}', monthLabel(s.month))
          : l10n.t('Tokens per day by model in {0}', monthLabel(s.month)),
    });
  }
  topBody.replaceChildren(
    ...s.top.map((t) =>
      h(
        'tr',
        {},
        h('td', { class: 'model', text: t.model, title: t.model }),
        h('td', { class: 'number', text: t.cost !== null && s.currency ? money(t.cost) : 'unknown' }),
        h('td', { class: 'number', text: formatTokens(t.tokens) }),
        h('td', { class: 'number', text: t.replies.toLocaleString('en-US') }),
      ),
    ),
  );
  document.body.dataset.month = s.month;
  document.body.dataset.metric = shown;
}

function showMonths(months: readonly string[], current: string): void {
  monthSelect.replaceChildren(...months.map((m) => h('option', { value: m, text: monthLabel(m), selected: m === current })));
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = usageHostMessageSchema.safeParse(event.data);
  if (!parsed.success) return;
  const message = parsed.data;
  if (message.type === 'notice') {
    notice.textContent = message.message;
    notice.hidden = false;
    return;
  }
  summary = message.summary;
  current = message.current;
  showMonths(message.months, message.summary.month);
  if (message.skipped > 0) {
    notice.textContent =
      message.skipped === 1
        ? l10n.t('1 line of the usage log could not be read and is left out.')
        : l10n.t('{0} lines of the usage log could not be read and are left out.', message.skipped.toLocaleString('en-US'));
    notice.hidden = false;
  }
  render();
});

monthSelect.addEventListener('change', () => post({ type: 'showMonth', month: monthSelect.value }));
for (const button of [costButton, tokensButton]) {
  button.addEventListener('click', () => {
    metric = button.dataset.metric as Metric;
    api.setState({ metric });
    render();
  });
}
exportButton.addEventListener('click', () => {
  if (summary) post({ type: 'exportCsv', month: summary.month });
});
refreshButton.addEventListener('click', () => post({ type: 'refresh' }));

post({ type: 'ready' });
