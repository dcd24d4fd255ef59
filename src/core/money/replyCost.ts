// The money line under a reply and a conversation's running total, as text both the webview and the host show.
import * as l10n from '@vscode/l10n';
import type { AssistantTurn } from '../chat/conversation';
import { formatCost } from './formatMoney';

/** "17 in · 120 out tokens (80 cached, 30 reasoning)". */
export function usageLine(usage: NonNullable<AssistantTurn['usage']>): string {
  const details = [
    usage.cachedTokens ? l10n.t('{0} cached', usage.cachedTokens.toLocaleString('en-US')) : '',
    usage.reasoningTokens ? l10n.t('{0} reasoning', usage.reasoningTokens.toLocaleString('en-US')) : '',
  ].filter(Boolean);
  const base = l10n.t(
    '{0} in · {1} out tokens',
    usage.promptTokens.toLocaleString('en-US'),
    usage.completionTokens.toLocaleString('en-US'),
  );
  return details.length > 0 ? `${base} (${details.join(', ')})` : base;
}

/** The reply's cost as shown, or undefined when nothing was billed that the extension knows of (no usage, a failure). */
export function replyCostText(turn: AssistantTurn): string | undefined {
  if (turn.cost !== undefined) return formatCost(turn.cost);
  return turn.usage && turn.status !== 'error' ? formatCost('unknown') : undefined;
}

/** "$0.042", "$0.042 + 2 replies at unknown cost", or undefined before any reply had a cost. */
export function conversationTotal(turns: readonly { role: string; cost?: number; usage?: unknown; status?: string }[]): string | undefined {
  let total = 0;
  let priced = 0;
  let unpriced = 0;
  for (const turn of turns) {
    if (turn.role !== 'assistant') continue;
    if (turn.cost !== undefined) {
      total += turn.cost;
      priced++;
    } else if (turn.usage && turn.status !== 'error') unpriced++;
  }
  if (priced === 0) return unpriced > 0 ? formatCost('unknown') : undefined;
  if (unpriced === 0) return formatCost(total);
  return unpriced === 1
    ? l10n.t('{0} + 1 reply at unknown cost', formatCost(total))
    : l10n.t('{0} + {1} replies at unknown cost', formatCost(total), unpriced);
}
