// Finds out what a hub publishes about money, once per hub, and reads it: the status (currency, top-up link)
// and prices of new-api / one-api hubs, and the balance from whichever endpoint the hub serves. Every failure
// becomes "unknown" (undefined), never an exception: money is extra information and must not break a hub.
import { parseBilling, parseOpenRouterKey, parseTokenUsage, refusal, type Balance, type BalanceSource } from './balance';
import { parseHubStatus, type HubStatus } from './hubStatus';
import { hubRoot, type Fetched } from './moneyFetch';
import { parsePricing, type HubPricing } from './newApiPricing';

export type MoneyGet = (url: string, withKey?: boolean) => Promise<Fetched>;

/** What was learned about a hub's balance endpoint: the one that answered, or `none` when none exists. */
export type BalanceSupport = BalanceSource | 'none';

export type BalanceResult =
  | { kind: 'balance'; balance: Balance }
  /** No balance endpoint answers on this hub (404, a web page, an unknown shape). */
  | { kind: 'unsupported' }
  /** An endpoint exists but refused or could not be reached now: try again later, keep what was learned. */
  | { kind: 'unavailable'; detail: string; source?: BalanceSource };

/** `/api/status` is public: asked without the key. */
export async function readHubStatus(get: MoneyGet, baseUrl: string): Promise<HubStatus | undefined> {
  const fetched = await get(`${hubRoot(baseUrl)}/api/status`, false);
  return fetched.ok ? parseHubStatus(fetched.json) : undefined;
}

/** `/api/pricing` is public too; quota units per dollar come from the status (new-api's default otherwise). */
export async function readHubPricing(get: MoneyGet, baseUrl: string, status: HubStatus | undefined): Promise<HubPricing | undefined> {
  const fetched = await get(`${hubRoot(baseUrl)}/api/pricing`, false);
  return fetched.ok ? parsePricing(fetched.json, status?.quotaPerUnit) : undefined;
}

/**
 * The order to try balance endpoints in: the remembered one first, then the likeliest for the host. A remembered
 * endpoint that has gone (the hub was replaced or reconfigured) falls through to the others.
 */
export function probeOrder(baseUrl: string, known: BalanceSupport | undefined): BalanceSource[] {
  const likely: BalanceSource[] = /(^|\.)openrouter\.ai$/i.test(new URL(baseUrl).hostname)
    ? ['openrouter', 'newapi', 'billing']
    : ['newapi', 'billing', 'openrouter'];
  return known && known !== 'none' ? [known, ...likely.filter((s) => s !== known)] : likely;
}

export async function readBalance(
  get: MoneyGet,
  baseUrl: string,
  status: HubStatus | undefined,
  known: BalanceSupport | undefined,
): Promise<BalanceResult> {
  let unavailable: BalanceResult | undefined;
  for (const source of probeOrder(baseUrl, known)) {
    const result = await readFrom(get, source, baseUrl, status);
    if (result.kind === 'balance') return result;
    if (result.kind === 'unavailable') {
      // The remembered endpoint exists but refused (a rejected or expired key): asking the others is pointless.
      if (source === known) return result;
      unavailable ??= result;
    }
  }
  return unavailable ?? { kind: 'unsupported' };
}

async function readFrom(get: MoneyGet, source: BalanceSource, baseUrl: string, status: HubStatus | undefined): Promise<BalanceResult> {
  const base = baseUrl.replace(/\/+$/, '');
  switch (source) {
    case 'newapi': {
      // The trailing slash is the route new-api registers; without it gin answers with a redirect.
      const fetched = await get(`${hubRoot(baseUrl)}/api/usage/token/`);
      return interpret(fetched, source, (json) => parseTokenUsage(json, status?.display, status?.quotaPerUnit));
    }
    case 'openrouter': {
      const key = await get(`${base}/key`);
      if (!key.ok) return interpret(key, source, () => undefined);
      // Only a key without its own limit needs the account's credits.
      const limited = (key.json as { data?: { limit?: unknown } })?.data?.limit;
      const credits = limited === null || limited === undefined ? await get(`${base}/credits`) : undefined;
      return interpret(key, source, (json) => parseOpenRouterKey(json, credits?.ok ? credits.json : undefined));
    }
    case 'billing': {
      const subscription = await get(`${base}/dashboard/billing/subscription`);
      if (!subscription.ok) return interpret(subscription, source, () => undefined);
      const usage = await get(`${base}/dashboard/billing/usage`);
      return interpret(subscription, source, (json) => parseBilling(json, usage.ok ? usage.json : undefined, status?.display));
    }
  }
}

function interpret(fetched: Fetched, source: BalanceSource, parse: (json: unknown) => Balance | undefined): BalanceResult {
  if (!fetched.ok) {
    if (fetched.reason === 'missing' || fetched.reason === 'invalid') return { kind: 'unsupported' };
    return { kind: 'unavailable', detail: fetched.detail, source };
  }
  const refused = refusal(fetched.json);
  if (refused !== undefined) return { kind: 'unavailable', detail: refused, source };
  const balance = parse(fetched.json);
  return balance ? { kind: 'balance', balance } : { kind: 'unsupported' };
}
