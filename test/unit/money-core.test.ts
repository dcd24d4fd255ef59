// Prices, costs and balances: the pure reading of every shape, and the endpoints of the local hub (new-api's
// and OpenRouter's shapes) over real HTTP, bad input included.
import * as assert from 'node:assert/strict';
import { balanceAlarm, balanceText, formatCost, formatPrice } from '../../src/core/money/formatMoney';
import { parseBilling, parseOpenRouterKey, parseTokenUsage } from '../../src/core/money/balance';
import { parseHubStatus, USD } from '../../src/core/money/hubStatus';
import { createMoneyFetch, hubRoot } from '../../src/core/money/moneyFetch';
import { probeOrder, readBalance, readHubPricing, readHubStatus, type MoneyGet } from '../../src/core/money/moneyReader';
import { parsePricing } from '../../src/core/money/newApiPricing';
import { addCosts, costOf } from '../../src/core/money/price';
import { silentLogger } from '../../src/core/logger';
import { startHub, type LocalHub } from '../hub/server';

const KEY = 'sk-money-unit-key-123';
const NOW = Date.UTC(2026, 11, 1);

describe('money: cost of a reply', () => {
  const price = { kind: 'tokens', inputPerMillion: 3, outputPerMillion: 15, cachedInputPerMillion: 0.3 } as const;

  it('prices input, cached input and output tokens at the published rates', () => {
    assert.equal(costOf({ promptTokens: 1_000_000, completionTokens: 0 }, price), 3);
    assert.equal(costOf({ promptTokens: 0, completionTokens: 1_000_000 }, price), 15);
    const cost = costOf({ promptTokens: 1_000_000, completionTokens: 0, cachedTokens: 500_000 }, price) as number;
    assert.ok(Math.abs(cost - 1.65) < 1e-9, `half the prompt from the cache: ${cost}`);
  });

  it("prefers the hub's own figure, charges a per-call price whatever the length, and says unknown otherwise", () => {
    assert.equal(costOf({ promptTokens: 10, completionTokens: 10, cost: 0.42 }, price), 0.42);
    assert.equal(costOf({ promptTokens: 9_999, completionTokens: 9_999 }, { kind: 'call', perCall: 0.005 }), 0.005);
    assert.equal(costOf({ promptTokens: 10, completionTokens: 10 }, undefined), 'unknown');
    assert.equal(costOf(undefined, price), 'unknown', 'no token counts, no cost');
    assert.equal(costOf({ promptTokens: 10 }, price), 'unknown');
  });

  it('adds costs, and a total with one unknown part is unknown', () => {
    assert.equal(addCosts([0.5, 0.25]), 0.75);
    assert.equal(addCosts([0.5, 'unknown']), 'unknown');
    assert.equal(formatCost(0.012345), '$0.012');
    assert.equal(formatCost(0.00001), '<$0.0001');
    assert.equal(formatCost(2.5), '$2.50');
    assert.equal(formatCost('unknown'), 'cost unknown');
  });
});

describe('money: shapes read defensively', () => {
  it("reads new-api's ratios as USD per million tokens, fixed prices per call, with the default group's ratio", () => {
    const pricing = parsePricing(
      {
        success: true,
        data: [
          { model_name: 'gpt-4o', quota_type: 0, model_ratio: 1.25, completion_ratio: 4, cache_ratio: 0.5 },
          { model_name: 'mj', quota_type: 1, model_price: 0.1 },
          { model_name: 'broken', quota_type: 0, model_ratio: 'x', completion_ratio: 4 },
        ],
        group_ratio: { default: 0.5, vip: 0.4 },
      },
      500_000,
    )!;
    assert.deepEqual(pricing.prices.get('gpt-4o'), {
      kind: 'tokens',
      inputPerMillion: 1.25,
      outputPerMillion: 5,
      cachedInputPerMillion: 0.625,
    });
    assert.deepEqual(pricing.prices.get('mj'), { kind: 'call', perCall: 0.05 });
    assert.equal(pricing.prices.has('broken'), false, 'a string where a number belongs is no price');
    assert.deepEqual(pricing.otherGroups, [{ name: 'vip', ratio: 0.4 }]);
  });

  it('prices nothing when groups differ and none is the default: the key group cannot be known', () => {
    const pricing = parsePricing({
      success: true,
      data: [{ model_name: 'a', quota_type: 0, model_ratio: 1, completion_ratio: 1 }],
      group_ratio: { a: 1, b: 2 },
    })!;
    assert.equal(pricing.prices.size, 0);
  });

  it('refuses what is not a pricing list or a status: HTML text, success:false, arrays, numbers', () => {
    for (const bad of ['<html>', 42, [], { success: false, message: 'login first' }, { success: true, data: 'x' }]) {
      assert.equal(parsePricing(bad), undefined);
      assert.equal(parseHubStatus(bad), undefined);
    }
  });

  it('reads the display currency and top-up link, and only an http(s) top-up link', () => {
    const cny = parseHubStatus({
      success: true,
      data: { quota_per_unit: 500000, quota_display_type: 'CNY', usd_exchange_rate: 7.3, top_up_link: 'javascript:alert(1)' },
    })!;
    assert.deepEqual(cny.display, { kind: 'currency', symbol: '¥', perUsd: 7.3 });
    assert.equal(cny.topUpUrl, undefined);
    const tokens = parseHubStatus({ success: true, data: { quota_display_type: 'TOKENS', top_up_link: 'https://hub.example/topup' } })!;
    assert.deepEqual(tokens.display, { kind: 'quota' });
    assert.equal(tokens.topUpUrl, 'https://hub.example/topup');
  });

  it('shows quota units when the quota per dollar is unknown rather than assuming one', () => {
    const balance = parseTokenUsage(
      {
        data: {
          object: 'token_usage',
          total_available: 1_000_000,
          total_used: 5,
          total_granted: 1_000_005,
          unlimited_quota: false,
          expires_at: 0,
        },
      },
      USD,
      undefined,
    )!;
    assert.equal(balanceText(balance, NOW), '1,000,000 quota left');
  });

  it("reads the billing pair and OpenRouter's key, with new-api's unlimited mark and a key without a limit", () => {
    const billing = parseBilling({ hard_limit_usd: 20, access_until: 0 }, { total_usage: 766 }, USD)!;
    assert.equal(balanceText(billing, NOW), '$12.34 left');
    assert.equal(balanceText(parseBilling({ hard_limit_usd: 100_000_000 }, { total_usage: 5 }, USD)!, NOW), 'unlimited');
    const limited = parseOpenRouterKey({ data: { limit: 10, usage: 2.5, limit_remaining: 7.5 } }, undefined)!;
    assert.equal(balanceText(limited, NOW), '$7.50 left');
    const credits = parseOpenRouterKey({ data: { limit: null, usage: 1 } }, { data: { total_credits: 50, total_usage: 12.5 } })!;
    assert.equal(balanceText(credits, NOW), '$37.50 left');
    assert.equal(parseOpenRouterKey({ data: 'nope' }, undefined), undefined);
  });

  it('warns below the threshold in dollars, when the key expires within a week, and never for quota units', () => {
    const base = { source: 'newapi', unlimited: false, unit: USD } as const;
    assert.equal(balanceAlarm({ ...base, remaining: 0.5 }, 1, NOW), 'low');
    assert.equal(balanceAlarm({ ...base, remaining: 5 }, 1, NOW), undefined);
    assert.equal(balanceAlarm({ ...base, remaining: 5, expiresAt: NOW + 86_400_000 }, 1, NOW), 'expiresSoon');
    assert.equal(balanceAlarm({ ...base, remaining: 5, expiresAt: NOW - 1 }, 1, NOW), 'expired');
    assert.equal(balanceAlarm({ ...base, unit: { kind: 'quota' }, remaining: 0.5 }, 1, NOW), undefined);
    assert.equal(
      balanceAlarm({ ...base, unit: { kind: 'currency', symbol: '¥', perUsd: 7 }, remaining: 3.5 }, 1, NOW),
      'low',
      '¥3.5 is $0.5',
    );
  });

  it("finds the hub's own API beside /v1, under any path prefix", () => {
    assert.equal(hubRoot('https://aihubapi.ai/v1'), 'https://aihubapi.ai');
    assert.equal(hubRoot('https://openrouter.ai/api/v1/'), 'https://openrouter.ai/api');
    assert.equal(hubRoot('https://gw.example/newapi/v1'), 'https://gw.example/newapi');
  });
});

describe('money: the local hub over HTTP', () => {
  let hub: LocalHub;
  let get: MoneyGet;

  before(async () => {
    hub = await startHub({ apiKey: KEY });
    get = createMoneyFetch({ baseUrl: hub.url, getApiKey: () => KEY, fetch: globalThis.fetch, logger: silentLogger });
  });
  after(() => hub.close());
  afterEach(() => hub.setMoney({ flavour: 'newapi', account: 'normal', fault: undefined, extraPricedModels: 0 }));

  it('reads the status and prices of a new-api hub: per token, per call, and unknown for an unlisted model', async () => {
    const status = await readHubStatus(get, hub.url);
    assert.equal(status?.quotaPerUnit, 500_000);
    assert.equal(status?.topUpUrl, 'https://hub.example/console/topup');
    const pricing = await readHubPricing(get, hub.url, status);
    assert.equal(formatPrice(pricing!.prices.get('gpt-4o')!), '$2.5/$10 per 1M');
    assert.equal(formatPrice(pricing!.prices.get('sonar-pro')!), '$0.005 per call');
    assert.equal(pricing!.prices.get('minimax-m2'), undefined);
    const asked = hub.requests.filter((r) => r.path.startsWith('/api/'));
    assert.ok(
      asked.every((r) => r.headers.authorization === undefined),
      'public endpoints are asked without the key',
    );
  });

  it('reads the balance of normal, low, unlimited and expired keys, and remembers nothing wrong for a hub without endpoints', async () => {
    const status = await readHubStatus(get, hub.url);
    const text = async (account: 'normal' | 'low' | 'unlimited' | 'expired') => {
      hub.setMoney({ account });
      const result = await readBalance(get, hub.url, status, undefined);
      assert.equal(result.kind, 'balance', account);
      return result.kind === 'balance' ? balanceText(result.balance, Date.now()) : '';
    };
    assert.equal(await text('normal'), '$12.34 left');
    assert.equal(await text('low'), '$0.42 left');
    assert.equal(await text('unlimited'), 'unlimited');
    assert.equal(await text('expired'), 'key expired');
    hub.setMoney({ flavour: 'none' });
    assert.deepEqual(await readBalance(get, hub.url, status, undefined), { kind: 'unsupported' });
  });

  it("reads the OpenAI-style billing pair when that is what the hub is known for, and OpenRouter's key endpoint", async () => {
    const billing = await readBalance(get, hub.url, undefined, 'billing');
    assert.equal(billing.kind === 'balance' && balanceText(billing.balance, Date.now()), '$12.34 left');
    hub.setMoney({ flavour: 'openrouter', account: 'low' });
    const openRouter = await readBalance(get, hub.url, undefined, undefined);
    assert.equal(openRouter.kind === 'balance' && openRouter.balance.source, 'openrouter');
    assert.equal(openRouter.kind === 'balance' && balanceText(openRouter.balance, Date.now()), '$0.42 left');
  });

  it('survives HTML, 401, strings where numbers belong and 404: unknown, never an exception', async () => {
    hub.setMoney({ fault: 'html' });
    assert.equal(await readHubPricing(get, hub.url, undefined), undefined);
    assert.deepEqual(await readBalance(get, hub.url, undefined, undefined), { kind: 'unsupported' });
    hub.setMoney({ fault: 'unauthorized' });
    assert.equal((await readBalance(get, hub.url, undefined, undefined)).kind, 'unavailable');
    hub.setMoney({ fault: 'strings' });
    const status = await readHubStatus(get, hub.url);
    assert.equal(status?.quotaPerUnit, undefined, 'a string quota per unit is unknown');
    assert.deepEqual(await readBalance(get, hub.url, status, 'newapi'), { kind: 'unsupported' });
    hub.setMoney({ fault: 'notFound' });
    assert.equal(await readHubStatus(get, hub.url), undefined);
  });

  it('reads pricing for thousands of models', async () => {
    hub.setMoney({ extraPricedModels: 5_000 });
    const pricing = await readHubPricing(get, hub.url, undefined);
    assert.ok(pricing!.prices.size > 5_000);
  });

  it('never sends the key to another origin, and never follows a redirect', async () => {
    const refused = await get('http://example.invalid/api/usage/token/');
    assert.equal(refused.ok, false);
    const redirected = await get(`${hub.origin}/api/usage/token`);
    assert.equal(redirected.ok, false, 'the slash-less path redirects; the redirect is not followed');
  });
});

describe('money: where to look for a balance', () => {
  it('asks the remembered endpoint first and falls through to the others when it has gone', () => {
    assert.deepEqual(probeOrder('https://hub.example/v1', undefined), ['newapi', 'billing', 'openrouter']);
    assert.deepEqual(probeOrder('https://hub.example/v1', 'billing'), ['billing', 'newapi', 'openrouter']);
    assert.deepEqual(probeOrder('https://openrouter.ai/api/v1', undefined), ['openrouter', 'newapi', 'billing']);
  });
});
