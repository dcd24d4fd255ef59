// A column's cost as the Compare tab shows it. Hubs built on new-api publish no prices, and a price is never
// guessed (a person may spend money on it): "unknown" until the hub's price for the model is known.
import type { Conversation } from '../core/chat/conversation';

export const UNKNOWN_COST = 'unknown';

export function costOf(_comparison: Conversation): (columnId: string) => string {
  return () => UNKNOWN_COST;
}
