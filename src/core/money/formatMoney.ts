// Money as a person reads it: prices per million tokens, a reply's cost, what is left on a key.
import * as l10n from '@vscode/l10n';
import type { Balance } from './balance';
import type { Display } from './hubStatus';
import type { Cost, ModelPrice } from './price';

/** "$3/$15 per 1M", "$0.04 per call", "free". */
export function formatPrice(price: ModelPrice): string {
  if (price.kind === 'call') return price.perCall === 0 ? l10n.t('free') : l10n.t('{0} per call', `$${amount(price.perCall)}`);
  if (price.inputPerMillion === 0 && price.outputPerMillion === 0) return l10n.t('free');
  return l10n.t('{0} per 1M', `$${amount(price.inputPerMillion)}/$${amount(price.outputPerMillion)}`);
}

/** The tooltip line: "$3 input, $15 output per 1M tokens (cached input $0.3)". */
export function describePrice(price: ModelPrice): string {
  if (price.kind === 'call') return price.perCall === 0 ? l10n.t('free') : l10n.t('{0} per call', `$${amount(price.perCall)}`);
  if (price.inputPerMillion === 0 && price.outputPerMillion === 0) return l10n.t('free');
  const input = `$${amount(price.inputPerMillion)}`;
  const output = `$${amount(price.outputPerMillion)}`;
  return price.cachedInputPerMillion === undefined
    ? l10n.t('{0} input, {1} output per 1M tokens', input, output)
    : l10n.t('{0} input, {1} output per 1M tokens (cached input {2})', input, output, `$${amount(price.cachedInputPerMillion)}`);
}

/** A reply's or a conversation's cost: "$0.0123", "<$0.0001", "$0", "cost unknown". */
export function formatCost(cost: Cost): string {
  if (cost === 'unknown') return l10n.t('cost unknown');
  if (cost === 0) return '$0';
  if (cost < 0.0001) return '<$0.0001';
  if (cost < 1) return `$${Number(cost.toPrecision(2)).toString()}`;
  return `$${cost.toFixed(2)}`;
}

let amounts: { quota: Intl.NumberFormat; money: Intl.NumberFormat } | undefined;

/**
 * The amount formatters, built once. The process's first Intl formatter loads ICU's number data (20–50 ms), so
 * the extension builds these in a turn of its own at startup rather than inside the balance's first update.
 */
export function amountFormats(): { quota: Intl.NumberFormat; money: Intl.NumberFormat } {
  return (amounts ??= {
    quota: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
    money: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  });
}

/** "$12.34", "¥86.10", "1,234,567 quota". */
export function formatAmount(value: number, unit: Display): string {
  const { quota, money } = amountFormats();
  if (unit.kind === 'quota') return l10n.t('{0} quota', quota.format(Math.round(value)));
  return `${unit.symbol}${money.format(value)}`;
}

/** The status bar text: "$12.34 left", "unlimited", "key expired", "balance unknown". */
export function balanceText(balance: Balance, now: number): string {
  if (balance.expiresAt !== undefined && balance.expiresAt <= now) return l10n.t('key expired');
  if (balance.unlimited) return l10n.t('unlimited');
  if (balance.remaining === undefined) return l10n.t('balance unknown');
  return l10n.t('{0} left', formatAmount(balance.remaining, balance.unit));
}

/** Tooltip lines: used, total, expiry, where the figures come from. */
export function balanceDetails(balance: Balance, now: number): string[] {
  const lines: string[] = [];
  if (balance.keyName) lines.push(l10n.t('Key: {0}', balance.keyName));
  if (balance.unlimited) lines.push(l10n.t('Limit: none (unlimited)'));
  else if (balance.remaining !== undefined) lines.push(l10n.t('Left: {0}', formatAmount(balance.remaining, balance.unit)));
  if (balance.used !== undefined) lines.push(l10n.t('Used: {0}', formatAmount(balance.used, balance.unit)));
  if (balance.total !== undefined) lines.push(l10n.t('Total: {0}', formatAmount(balance.total, balance.unit)));
  if (balance.expiresAt === undefined) lines.push(l10n.t('Expires: never (or the hub does not say)'));
  else {
    const when = `${new Date(balance.expiresAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    lines.push(balance.expiresAt <= now ? l10n.t('Expired: {0}', when) : l10n.t('Expires: {0}', when));
  }
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
