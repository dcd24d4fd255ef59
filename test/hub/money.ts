// The local hub's money endpoints, shaped after new-api's code (controller/pricing.go, misc.go GetStatus,
// token.go GetTokenUsage, billing.go) and OpenRouter's docs (/api/v1/key, /api/v1/credits, `pricing` on
// /v1/models, `usage.cost`). A mode chosen at start or through `POST /__hub/money` picks the hub's flavour,
// the key's account and any fault, so the extension's status bar can be driven through every case.
import type * as http from 'node:http';
import type { HubModel } from './models';
import { sendJson } from './replies';

export interface MoneyMode {
  /** Which endpoints exist: new-api's (and its OpenAI-style billing pair), OpenRouter's, or none at all (404). */
  flavour: 'newapi' | 'openrouter' | 'none';
  account: 'normal' | 'low' | 'unlimited' | 'expired';
  /** Every money endpoint answers this way instead: bad input the extension must survive. */
  fault?: 'html' | 'unauthorized' | 'strings' | 'notFound';
  /** Extra priced models in /api/pricing beyond the catalogue (for "pricing with thousands of models"). */
  extraPricedModels?: number;
  topUpLink?: string;
}

export const DEFAULT_MONEY: MoneyMode = { flavour: 'newapi', account: 'normal', topUpLink: 'https://hub.example/console/topup' };

/** new-api's default quota units per US dollar. */
export const QUOTA_PER_UNIT = 500_000;
const GROUP_RATIO = { default: 1, vip: 0.8, svip: 0.6 };
const DAY = 86_400;

/** model_ratio (quota per token; ×2 = USD per 1M input) and completion_ratio, per model; per-call prices apart. */
const RATIOS: Record<string, [ratio: number, completion: number, cache?: number]> = {
  'gpt-4o': [1.25, 4, 0.5],
  'gpt-4o-mini': [0.075, 4, 0.5],
  'gpt-4.1': [1, 4, 0.25],
  'gpt-4.1-mini': [0.2, 4, 0.25],
  'gpt-5': [0.625, 8, 0.1],
  'claude-sonnet-4.6': [1.5, 5, 0.1],
  'claude-opus-4.6': [7.5, 5, 0.1],
  'claude-haiku-4.5': [0.5, 5, 0.1],
  'deepseek-chat': [0.135, 4],
  'gemini-2.5-pro': [0.625, 8],
  'gemini-2.5-flash': [0.15, 8.333333],
};
const PER_CALL: Record<string, number> = { 'sonar-pro': 0.005, 'sonar-reasoning': 0.008 };
/** Listed by /v1/models but absent from /api/pricing: its price is "unknown". */
export const UNPRICED_MODEL = 'minimax-m2';
/** new-api's model mapping: asked for the left, served (and named in the reply) by the right. */
export const SERVED_AS: Record<string, string> = { 'codestral-latest': 'codestral-2508' };

interface Account {
  remain: number;
  used: number;
  unlimited: boolean;
  expiresAt: number;
}

function accountFor(mode: MoneyMode, now: number): Account {
  switch (mode.account) {
    case 'low':
      return { remain: 0.42 * QUOTA_PER_UNIT, used: 19.58 * QUOTA_PER_UNIT, unlimited: false, expiresAt: -1 };
    case 'unlimited':
      return { remain: 0, used: 3.21 * QUOTA_PER_UNIT, unlimited: true, expiresAt: -1 };
    case 'expired':
      return { remain: 5 * QUOTA_PER_UNIT, used: 15 * QUOTA_PER_UNIT, unlimited: false, expiresAt: now - DAY };
    default:
      return { remain: 12.34 * QUOTA_PER_UNIT, used: 7.66 * QUOTA_PER_UNIT, unlimited: false, expiresAt: -1 };
  }
}

/** Quota a reply costs on this hub, the way new-api bills it (prompt + completion × completion ratio) × ratio × group. */
export function quotaFor(model: string, promptTokens: number, completionTokens: number): number {
  if (PER_CALL[model] !== undefined) return PER_CALL[model] * QUOTA_PER_UNIT;
  const [ratio, completion] = RATIOS[model] ?? ratioFor(model);
  return Math.round((promptTokens + completionTokens * completion) * ratio * GROUP_RATIO.default);
}

/** USD per token as OpenRouter writes it (decimal strings). */
export function openRouterPricing(model: string): Record<string, string> | undefined {
  if (model === UNPRICED_MODEL) return undefined;
  if (PER_CALL[model] !== undefined) return { prompt: '0', completion: '0', request: String(PER_CALL[model]) };
  const [ratio, completion, cache] = RATIOS[model] ?? ratioFor(model);
  const input = ratio / QUOTA_PER_UNIT;
  return {
    prompt: input.toFixed(10),
    completion: (input * completion).toFixed(10),
    ...(cache === undefined ? {} : { input_cache_read: (input * cache).toFixed(10) }),
  };
}

// Every other model gets a stable, plausible ratio from its id, so prices are deterministic.
function ratioFor(id: string): [number, number] {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return [[0.05, 0.1, 0.25, 0.5, 1, 1.5][h % 6], [1, 2, 3, 4][(h >>> 3) % 4]];
}

/** What a reply says about money: the model that served it and fields added to its usage object. */
export interface Billing {
  served: string;
  usage(promptTokens: number, completionTokens: number): Record<string, unknown>;
}

export interface MoneyRoutes {
  mode: MoneyMode;
  setMode(mode: Partial<MoneyMode>): void;
  /** Bills a finished reply against the key, as new-api does after the stream ends. */
  charge(model: string, promptTokens: number, completionTokens: number): void;
  /** Answers the request when it is a money endpoint; false otherwise. */
  handle(method: string, path: string, authorization: string | undefined, apiKey: string | null, res: http.ServerResponse): boolean;
  /** new-api refuses chat with an expired key: the message its relay sends. */
  expiredKey(): boolean;
}

export function moneyRoutes(models: () => HubModel[], initial: Partial<MoneyMode> = {}): MoneyRoutes {
  let mode: MoneyMode = { ...DEFAULT_MONEY, ...initial };
  let spent = 0;
  const now = () => Math.floor(Date.now() / 1000);
  const account = (): Account => {
    const a = accountFor(mode, now());
    return { ...a, remain: a.unlimited ? a.remain : Math.max(0, a.remain - spent), used: a.used + spent };
  };

  const pricing = () => pricingList(models(), mode.extraPricedModels ?? 0);

  const status = () => ({
    success: true,
    message: '',
    data: {
      version: 'v0.9.0-local',
      system_name: 'Local Hub',
      top_up_link: mode.topUpLink ?? '',
      quota_per_unit: mode.fault === 'strings' ? 'five hundred thousand' : QUOTA_PER_UNIT,
      display_in_currency: true,
      quota_display_type: 'USD',
      usd_exchange_rate: 7.3,
      price: 7.3,
    },
  });

  const tokenUsage = () => {
    const a = account();
    const amount = (n: number) => (mode.fault === 'strings' ? `${n} quota` : Math.round(n));
    return {
      code: true,
      message: 'ok',
      data: {
        object: 'token_usage',
        name: 'vscode',
        total_granted: amount(a.remain + a.used),
        total_used: amount(a.used),
        total_available: amount(a.remain),
        unlimited_quota: a.unlimited,
        model_limits: {},
        model_limits_enabled: false,
        expires_at: a.expiresAt === -1 ? 0 : a.expiresAt,
      },
    };
  };

  const subscription = () => {
    const a = account();
    const amount = a.unlimited ? 100_000_000 : (a.remain + a.used) / QUOTA_PER_UNIT;
    return {
      object: 'billing_subscription',
      has_payment_method: true,
      soft_limit_usd: mode.fault === 'strings' ? 'lots' : amount,
      hard_limit_usd: mode.fault === 'strings' ? 'lots' : amount,
      system_hard_limit_usd: mode.fault === 'strings' ? 'lots' : amount,
      access_until: a.expiresAt === -1 ? 0 : a.expiresAt,
    };
  };

  const usage = () => ({ object: 'list', total_usage: (account().used / QUOTA_PER_UNIT) * 100 });

  const openRouterKey = () => {
    const a = account();
    return {
      data: {
        label: 'sk-or-v1-loc...hub',
        limit: a.unlimited ? null : (a.remain + a.used) / QUOTA_PER_UNIT,
        usage: a.used / QUOTA_PER_UNIT,
        limit_remaining: a.unlimited ? null : a.remain / QUOTA_PER_UNIT,
        is_free_tier: false,
        rate_limit: { requests: -1, interval: '10s' },
        ...(a.expiresAt === -1 ? {} : { expires_at: new Date(a.expiresAt * 1000).toISOString() }),
      },
    };
  };

  const routes: Record<string, { flavour: MoneyMode['flavour']; keyed: boolean; body: () => unknown }> = {
    '/api/status': { flavour: 'newapi', keyed: false, body: status },
    '/api/pricing': { flavour: 'newapi', keyed: false, body: pricing },
    '/api/usage/token/': { flavour: 'newapi', keyed: true, body: tokenUsage },
    '/dashboard/billing/subscription': { flavour: 'newapi', keyed: true, body: subscription },
    '/v1/dashboard/billing/subscription': { flavour: 'newapi', keyed: true, body: subscription },
    '/dashboard/billing/usage': { flavour: 'newapi', keyed: true, body: usage },
    '/v1/dashboard/billing/usage': { flavour: 'newapi', keyed: true, body: usage },
    '/v1/key': { flavour: 'openrouter', keyed: true, body: openRouterKey },
    '/v1/credits': { flavour: 'openrouter', keyed: true, body: () => ({ data: { total_credits: 50, total_usage: 12.5 } }) },
  };

  return {
    get mode() {
      return mode;
    },
    setMode(next) {
      mode = { ...mode, ...next };
      spent = 0;
    },
    charge(model, promptTokens, completionTokens) {
      if (!accountFor(mode, now()).unlimited) spent += quotaFor(model, promptTokens, completionTokens);
    },
    expiredKey: () => mode.account === 'expired',
    handle(method, path, authorization, apiKey, res) {
      const route = routes[path];
      // gin redirects the slash-less path to the registered one.
      if (path === '/api/usage/token' && mode.flavour === 'newapi') {
        res.writeHead(301, { location: '/api/usage/token/', 'content-length': '0' }).end();
        return true;
      }
      if (!route) return false;
      if (method !== 'GET' || route.flavour !== mode.flavour || mode.fault === 'notFound') {
        sendJson(res, 404, { error: { message: `Invalid URL (${method} ${path})`, type: 'invalid_request_error', code: '' } });
        return true;
      }
      if (mode.fault === 'html') {
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!doctype html><html><head><title>Hub</title></head><body><div id="root"></div></body></html>');
        return true;
      }
      if (route.keyed && (mode.fault === 'unauthorized' || (apiKey !== null && authorization !== `Bearer ${apiKey}`))) {
        sendJson(res, 401, { success: false, message: '无效的令牌 (invalid token)' });
        return true;
      }
      sendJson(res, 200, route.body());
      return true;
    },
  };
}

/** new-api's `GET /api/pricing` body for these models (all but the unpriced one), plus `extra` synthetic ones. */
export function pricingList(models: readonly HubModel[], extra = 0): Record<string, unknown> {
  const entries = models.filter((m) => m.id !== UNPRICED_MODEL).map((m) => pricingEntry(m.id, m.owned_by));
  for (let i = 0; i < extra; i++) entries.push(pricingEntry(`bulk-model-${i}`, 'bulk'));
  return {
    success: true,
    data: entries,
    vendors: [],
    group_ratio: GROUP_RATIO,
    usable_group: { default: '默认分组', vip: 'VIP', svip: 'SVIP' },
    supported_endpoint: {},
    auto_groups: [],
    pricing_version: 'local-hub',
  };
}

function pricingEntry(id: string, owner: string): Record<string, unknown> {
  const base = { model_name: id, owner_by: owner, enable_groups: ['default', 'vip', 'svip'], supported_endpoint_types: ['openai'] };
  if (PER_CALL[id] !== undefined) return { ...base, quota_type: 1, model_ratio: 0, model_price: PER_CALL[id], completion_ratio: 0 };
  const [ratio, completion, cache] = RATIOS[id] ?? ratioFor(id);
  return {
    ...base,
    quota_type: 0,
    model_ratio: ratio,
    model_price: 0,
    completion_ratio: completion,
    ...(cache === undefined ? {} : { cache_ratio: cache }),
  };
}
