// What is left on a key, read from whichever endpoint the hub serves: new-api's token usage (quota units),
// the OpenAI-style dashboard billing pair that new-api and one-api serve (amounts in the hub's display
// currency), OpenRouter's key (USD). Amounts are converted once, here, into the unit they are shown in.
import { asRecord, type Display, USD } from './hubStatus';
import { readAmount } from './price';
import * as l10n from '@vscode/l10n';

export type BalanceSource = 'newapi' | 'openrouter' | 'billing';

export interface Balance {
  source: BalanceSource;
  /** The key (or the account behind it) has no spending limit. */
  unlimited: boolean;
  remaining?: number;
  used?: number;
  total?: number;
  /** The unit `remaining`, `used` and `total` are in. */
  unit: Display;
  /** When the key stops working (ms since the epoch); undefined when it never expires or the hub does not say. */
  expiresAt?: number;
  keyName?: string;
  /** What the numbers leave out, in words, for the tooltip. */
  note?: string;
}

/** new-api's `{success:false, message}` (and one-api's `{code:false}`): the endpoint exists but refused. */
export function refusal(json: unknown): string | undefined {
  const record = asRecord(json);
  if (!record) return undefined;
  if (record.success === false || record.code === false) return typeof record.message === 'string' ? record.message : 'refused';
  const error = asRecord(record.error);
  if (error) return typeof error.message === 'string' ? error.message : 'error';
  return undefined;
}

/** The unit quota amounts are shown in: the hub's currency when its quota-per-dollar is known, else quota units. */
export function quotaUnit(display: Display | undefined, quotaPerUnit: number | undefined): { unit: Display; factor: number } {
  if (!display || display.kind === 'quota' || !quotaPerUnit) return { unit: { kind: 'quota' }, factor: 1 };
  return { unit: display, factor: display.perUsd / quotaPerUnit };
}

/** `GET /api/usage/token` → `{code:true, data:{total_granted, total_used, total_available, unlimited_quota, expires_at}}`. */
export function parseTokenUsage(json: unknown, display: Display | undefined, quotaPerUnit: number | undefined): Balance | undefined {
  const data = asRecord(asRecord(json)?.data);
  if (!data || (data.object !== undefined && data.object !== 'token_usage')) return undefined;
  const { unit, factor } = quotaUnit(display, quotaPerUnit);
  const scaled = (v: unknown) => {
    const n = readAmount(v);
    return n === undefined ? undefined : n * factor;
  };
  const unlimitedKey = data.unlimited_quota === true;
  // Newer new-api versions add the wallet behind the key: an unlimited key still spends the account's balance.
  const account = asRecord(data.account);
  const accountLeft = scaled(account?.quota);
  const remaining = unlimitedKey ? accountLeft : scaled(data.total_available);
  if (!unlimitedKey && remaining === undefined) return undefined;
  const expires = readAmount(data.expires_at);
  return {
    source: 'newapi',
    unlimited: unlimitedKey && accountLeft === undefined,
    remaining,
    used: unlimitedKey ? scaled(account?.used_quota) : scaled(data.total_used),
    total: unlimitedKey ? undefined : scaled(data.total_granted),
    unit,
    expiresAt: expires ? expires * 1000 : undefined,
    keyName: typeof data.name === 'string' && data.name ? data.name.slice(0, 80) : undefined,
  };
}

/** new-api reports an unlimited key's limit as this many units. */
const UNLIMITED_MARK = 100_000_000;

/**
 * `GET /v1/dashboard/billing/subscription` (`hard_limit_usd`, `access_until` in seconds) and
 * `GET /v1/dashboard/billing/usage` (`total_usage` in hundredths). new-api puts its display currency in the
 * `_usd` fields, so the unit comes from /api/status when known.
 */
export function parseBilling(subscription: unknown, usage: unknown, display: Display | undefined): Balance | undefined {
  const sub = asRecord(subscription);
  const total = readAmount(sub?.hard_limit_usd) ?? readAmount(sub?.system_hard_limit_usd);
  if (!sub || total === undefined) return undefined;
  const hundredths = readAmount(asRecord(usage)?.total_usage);
  const used = hundredths === undefined ? undefined : hundredths / 100;
  const unlimited = total >= UNLIMITED_MARK;
  const until = readAmount(sub.access_until);
  return {
    source: 'billing',
    unlimited,
    total: unlimited ? undefined : total,
    used,
    remaining: unlimited || used === undefined ? undefined : Math.max(0, total - used),
    unit: display ?? USD,
    expiresAt: until ? until * 1000 : undefined,
  };
}

/**
 * OpenRouter `GET /api/v1/key` → `{data:{label, limit, usage, limit_remaining, expires_at?}}` in USD; a null limit
 * means the key has none, and then `GET /api/v1/credits` (`total_credits`, `total_usage`) says what the account has.
 */
export function parseOpenRouterKey(key: unknown, credits: unknown): Balance | undefined {
  const data = asRecord(asRecord(key)?.data);
  if (!data || !('limit' in data || 'usage' in data)) return undefined;
  const limit = readAmount(data.limit);
  const used = readAmount(data.usage);
  const expires = typeof data.expires_at === 'string' ? Date.parse(data.expires_at) : NaN;
  const base = {
    source: 'openrouter' as const,
    unit: USD,
    expiresAt: Number.isFinite(expires) ? expires : undefined,
    keyName: typeof data.label === 'string' && data.label ? data.label.slice(0, 80) : undefined,
  };
  if (limit !== undefined) {
    const remaining = readAmount(data.limit_remaining) ?? (used === undefined ? undefined : Math.max(0, limit - used));
    return { ...base, unlimited: false, total: limit, used, remaining };
  }
  const account = asRecord(asRecord(credits)?.data);
  const bought = readAmount(account?.total_credits);
  const spent = readAmount(account?.total_usage);
  if (bought !== undefined && spent !== undefined)
    return { ...base, unlimited: false, total: bought, used: spent, remaining: Math.max(0, bought - spent) };
  return { ...base, unlimited: true, used, note: l10n.t("The key has no spending limit; the account's credit could not be read with it.") };
}
