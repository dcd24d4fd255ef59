// new-api / one-api's `GET /api/status` (public, no key): how many quota units make one dollar, the currency
// the hub shows amounts in, and its top-up link. Read field by field: every hub version adds or drops some.
import { readAmount } from './price';

/** How the hub shows amounts: a currency (symbol and units per USD) or raw quota units (`TOKENS` display). */
export type Display = { kind: 'currency'; symbol: string; perUsd: number } | { kind: 'quota' };

export interface HubStatus {
  /** Quota units per US dollar (new-api's default is 500,000). */
  quotaPerUnit?: number;
  display: Display;
  /** Where the hub's users buy credit (its `top_up_link`), when it is a web address. */
  topUpUrl?: string;
  systemName?: string;
}

export const USD: Display = { kind: 'currency', symbol: '$', perUsd: 1 };

export function parseHubStatus(json: unknown): HubStatus | undefined {
  const envelope = asRecord(json);
  if (!envelope || envelope.success === false) return undefined;
  const data = asRecord(envelope.data);
  if (!data) return undefined;
  const quotaPerUnit = readAmount(data.quota_per_unit);
  return {
    quotaPerUnit: quotaPerUnit && quotaPerUnit > 0 ? quotaPerUnit : undefined,
    display: readDisplay(data),
    topUpUrl: webAddress(data.top_up_link),
    systemName: typeof data.system_name === 'string' && data.system_name.trim() ? data.system_name.trim().slice(0, 60) : undefined,
  };
}

function readDisplay(data: Record<string, unknown>): Display {
  const type = typeof data.quota_display_type === 'string' ? data.quota_display_type.toUpperCase() : undefined;
  if (type === 'TOKENS' || (type === undefined && data.display_in_currency === false)) return { kind: 'quota' };
  if (type === 'CNY') {
    const rate = readAmount(data.usd_exchange_rate);
    return rate && rate > 0 ? { kind: 'currency', symbol: '¥', perUsd: rate } : USD;
  }
  if (type === 'CUSTOM') {
    const rate = readAmount(data.custom_currency_exchange_rate);
    const symbol = typeof data.custom_currency_symbol === 'string' ? data.custom_currency_symbol.trim().slice(0, 8) : '';
    return rate && rate > 0 && symbol ? { kind: 'currency', symbol, perUsd: rate } : USD;
  }
  return USD;
}

/** Only http(s) links are offered: a hub's setting is not a reason to open any other scheme. */
export function webAddress(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Where Top Up leads: the hub's own top-up link, else the known hub's console, else the `topUpUrl` the user saved. */
export function topUpAddress(
  status: HubStatus | undefined,
  presetConsole: string | undefined,
  /** As written in aihub.hubs: checked here, only an http(s) address counts. */
  saved: unknown,
): string | undefined {
  return status?.topUpUrl ?? webAddress(presetConsole) ?? webAddress(saved);
}
