// Money as a person reads it: prices per million tokens, a reply's cost, what is left on a key.
import type { Balance } from './balance';
import type { Display } from './hubStatus';
import type { Cost, ModelPrice } from './price';

/** "$3/$15 per 1M", "$0.04 per call", "free". */
export function formatPrice(price: ModelPrice): string {
  if (price.kind === 'call') return price.perCall === 0 ? 'free' : `$${amount(price.perCall)} per call`;
  if (price.inputPerMillion === 0 && price.outputPerMillion === 0) return 'free';
  return `$${amount(price.inputPerMillion)}/$${amount(price.outputPerMillion)} per 1M`;
}

/** The tooltip line: "$3 input, $15 output per 1M tokens (cached input $0.3)". */
export function describePrice(price: ModelPrice): string {
  if (price.kind === 'call') return price.perCall === 0 ? 'free' : `$${amount(price.perCall)} per call`;
  if (price.inputPerMillion === 0 && price.outputPerMillion === 0) return 'free';
  const cached = price.cachedInputPerMillion === undefined ? '' : ` (cached input $${amount(price.cachedInputPerMillion)})`;
  return `$${amount(price.inputPerMillion)} input, $${amount(price.outputPerMillion)} output per 1M tokens${cached}`;
}

/** A reply's or a conversation's cost: "$0.0123", "<$0.0001", "$0", "cost unknown". */
export function formatCost(cost: Cost): string {
  if (cost === 'unknown') return 'cost unknown';
  if (cost === 0) return '$0';
  if (cost < 0.0001) return '<$0.0001';
  if (cost < 1) return `$${Number(cost.toPrecision(2)).toString()}`;
  return `$${cost.toFixed(2)}`;
}

/** "$12.34", "¥86.10", "1,234,567 quota". */
export function formatAmount(value: number, unit: Display): string {
  if (unit.kind === 'quota') return `${Math.round(value).toLocaleString('en-US')} quota`;
  return `${unit.symbol}${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The status bar text: "$12.34 left", "unlimited", "key expired", "balance unknown". */
export function balanceText(balance: Balance, now: number): string {
  if (balance.expiresAt !== undefined && balance.expiresAt <= now) return 'key expired';
  if (balance.unlimited) return 'unlimited';
  if (balance.remaining === undefined) return 'balance unknown';
  return `${formatAmount(balance.remaining, balance.unit)} left`;
}

/** Tooltip lines: used, total, expiry, where the figures come from. */
export function balanceDetails(balance: Balance, now: number): string[] {
  const lines: string[] = [];
  if (balance.keyName) lines.push(`Key: ${balance.keyName}`);
  if (balance.unlimited) lines.push('Limit: none (unlimited)');
  else if (balance.remaining !== undefined) lines.push(`Left: ${formatAmount(balance.remaining, balance.unit)}`);
  if (balance.used !== undefined) lines.push(`Used: ${formatAmount(balance.used, balance.unit)}`);
  if (balance.total !== undefined) lines.push(`Total: ${formatAmount(balance.total, balance.unit)}`);
  if (balance.expiresAt === undefined) lines.push('Expires: never (or the hub does not say)');
  else
    lines.push(
      `${balance.expiresAt <= now ? 'Expired' : 'Expires'}: ${new Date(balance.expiresAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    );
  if (balance.note) lines.push(balance.note);
  return lines;
}

export type BalanceAlarm = 'low' | 'expired' | 'expiresSoon' | undefined;

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Why the balance deserves the warning colour: the key has expired or expires within a week, or what is left
 * fell below the threshold (compared in the balance's own unit; USD thresholds are not applied to quota units).
 */
export function balanceAlarm(balance: Balance, lowBalanceWarning: number, now: number): BalanceAlarm {
  if (balance.expiresAt !== undefined) {
    if (balance.expiresAt <= now) return 'expired';
    if (balance.expiresAt - now < WEEK_MS) return 'expiresSoon';
  }
  if (balance.unlimited || balance.remaining === undefined || lowBalanceWarning <= 0) return undefined;
  const inUsd = balance.unit.kind === 'currency' ? balance.remaining / balance.unit.perUsd : undefined;
  return inUsd !== undefined && inUsd < lowBalanceWarning ? 'low' : undefined;
}

function amount(value: number): string {
  if (value >= 1) return String(Number(value.toFixed(2)));
  // Cheap models cost fractions of a cent per million tokens; keep two significant digits.
  return String(Number(value.toPrecision(2)));
}
