// What a model costs and what a reply cost. Prices are in US dollars: OpenRouter publishes them in USD, and
// new-api's ratios are defined against USD (ratio 1 = $2 per million tokens at its default 500,000 quota per
// dollar). A price the hub did not publish is absent, never estimated: a person may spend money on the figure.

export type ModelPrice = TokenPrice | CallPrice;

export interface TokenPrice {
  kind: 'tokens';
  /** USD per million input tokens. */
  inputPerMillion: number;
  /** USD per million output tokens (reasoning tokens included, as hubs bill them). */
  outputPerMillion: number;
  /** USD per million input tokens read from the provider's prompt cache, when the hub prices them apart. */
  cachedInputPerMillion?: number;
}

export interface CallPrice {
  kind: 'call';
  /** USD per request, whatever its length (new-api's fixed-price models, image models). */
  perCall: number;
}

/** Token counts of one reply, as the hub reported them; `cost` is the hub's own figure where it sends one. */
export interface ReplyUsage {
  promptTokens?: number;
  completionTokens?: number;
  /** Prompt tokens served from the cache (part of `promptTokens`). */
  cachedTokens?: number;
  /** Reasoning tokens (part of `completionTokens`). */
  reasoningTokens?: number;
  /** USD the hub says the reply cost (OpenRouter's `usage.cost`). */
  cost?: number;
}

export type Cost = number | 'unknown';

/**
 * What one reply cost in USD: the hub's own figure when it reports one, else the reply's tokens at the model's
 * published price, else "unknown" (no price, or no token counts for a per-token price).
 */
export function costOf(usage: ReplyUsage | undefined, price: ModelPrice | undefined): Cost {
  if (usage && isAmount(usage.cost)) return usage.cost;
  if (!price) return 'unknown';
  if (price.kind === 'call') return price.perCall;
  if (!usage || !isAmount(usage.promptTokens) || !isAmount(usage.completionTokens)) return 'unknown';
  const cached = isAmount(usage.cachedTokens) ? Math.min(usage.cachedTokens, usage.promptTokens) : 0;
  const cachedRate = price.cachedInputPerMillion ?? price.inputPerMillion;
  return (
    ((usage.promptTokens - cached) * price.inputPerMillion + cached * cachedRate + usage.completionTokens * price.outputPerMillion) / 1e6
  );
}

/** The sum of several costs: "unknown" as soon as one of them is (a partial total would understate the spend). */
export function addCosts(costs: Iterable<Cost>): Cost {
  let total = 0;
  for (const cost of costs) {
    if (cost === 'unknown') return 'unknown';
    total += cost;
  }
  return total;
}

/** Reads a number a hub may send as a number or a decimal string; anything else (NaN, "", "abc", negative) is undefined. */
export function readAmount(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Float noise from per-token decimals (0.0000025 * 1e6 = 2.4999999999999996) must not reach a label. */
export function roundPrice(value: number): number {
  return Number(value.toPrecision(12));
}
