// What a comparison shows under each column: how soon the first words came, how fast the rest streamed, how
// long it took in all, the tokens each way and the cost. Token counts are the hub's when it reports usage; an
// estimate (marked as one) otherwise. A price is never guessed: without one the cost is "unknown".
import * as l10n from '@vscode/l10n';
import type { AssistantTurn } from '../chat/conversation';
import { estimateTokens } from '../models/tokenEstimate';
import { formatCost } from '../money/formatMoney';
import { costOf, type ModelPrice } from '../money/price';

export interface ColumnMetrics {
  firstTokenMs?: number;
  totalMs?: number;
  tokensIn?: number;
  tokensOut?: number;
  /** `tokensOut` (and the speed from it) is an estimate from the text: the hub reported no usage. */
  estimated: boolean;
  tokensPerSecond?: number;
}

export function columnMetrics(turn: AssistantTurn): ColumnMetrics {
  const { firstTokenMs, totalMs } = turn.timing ?? {};
  const produced = turn.text + (turn.reasoning ?? '');
  const estimated = !turn.usage && produced.length > 0;
  const tokensOut = turn.usage?.completionTokens ?? (estimated ? estimateTokens(produced) : undefined);
  // Speed is measured over the streaming part only: the wait for the first token is its own figure.
  const streamingMs = firstTokenMs !== undefined && totalMs !== undefined ? totalMs - firstTokenMs : undefined;
  const tokensPerSecond =
    tokensOut !== undefined && tokensOut > 0 && streamingMs !== undefined && streamingMs > 0 ? (tokensOut * 1000) / streamingMs : undefined;
  return { firstTokenMs, totalMs, tokensIn: turn.usage?.promptTokens, tokensOut, estimated, tokensPerSecond };
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Label/value pairs in the order a column shows them. */
export function metricRows(turn: AssistantTurn, cost: string): [label: string, value: string][] {
  const m = columnMetrics(turn);
  const approx = m.estimated ? '≈' : '';
  const count = (n: number | undefined) => (n === undefined ? '—' : `${approx}${n.toLocaleString('en-US')}`);
  return [
    [l10n.t('First token'), formatDuration(m.firstTokenMs)],
    [
      l10n.t('Speed'),
      m.tokensPerSecond === undefined
        ? '—'
        : l10n.t('{0} tokens/s', `${approx}${m.tokensPerSecond.toFixed(m.tokensPerSecond < 10 ? 1 : 0)}`),
    ],
    [l10n.t('Total'), formatDuration(m.totalMs)],
    [l10n.t('Tokens in'), m.tokensIn === undefined ? '—' : m.tokensIn.toLocaleString('en-US')],
    [l10n.t('Tokens out'), count(m.tokensOut)],
    [l10n.t('Cost'), cost],
    [l10n.t('Finish'), turn.finishReason ?? (turn.status === 'streaming' ? '—' : turn.status)],
  ];
}

/** What the reply cost: the hub's figure or its tokens at the model's published price, else "unknown". */
export function costLabel(turn: AssistantTurn, price: ModelPrice | undefined): string {
  const cost = costOf(turn.usage, price);
  return cost === 'unknown' ? l10n.t('unknown') : formatCost(cost);
}
