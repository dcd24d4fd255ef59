// The money line under a reply and a conversation's running total, as text both the webview and the host show.
import type { AssistantTurn } from '../chat/conversation';
import { formatCost } from './formatMoney';

/** "17 in · 120 out tokens (80 cached, 30 reasoning)". */
export function usageLine(usage: NonNullable<AssistantTurn['usage']>): string {
  const details = [
    usage.cachedTokens ? `${usage.cachedTokens.toLocaleString('en-US')} cached` : '',
    usage.reasoningTokens ? `${usage.reasoningTokens.toLocaleString('en-US')} reasoning` : '',
  ].filter(Boolean);
  const base = `${usage.promptTokens.toLocaleString('en-US')} in · ${usage.completionTokens.toLocaleString('en-US')} out tokens`;
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
  if (priced === 0) return unpriced > 0 ? 'cost unknown' : undefined;
  return unpriced > 0 ? `${formatCost(total)} + ${unpriced} repl${unpriced === 1 ? 'y' : 'ies'} at unknown cost` : formatCost(total);
}
