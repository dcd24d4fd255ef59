// What the Usage view shows for one month: spend (or tokens) per day by model, the month's total and the top
// models, in one pass over the records (a heavy month has 100,000: `npm run bench -- usage`).
import * as l10n from '@vscode/l10n';
import { daysOfMonth, localZone, type ZoneOffset } from './calendar';
import type { UsageRecord } from './record';

/** Models drawn on their own; the rest are summed into one "other" series so the legend stays readable. */
export const CHART_MODELS = 8;
export const TOP_MODELS = 5;
/** The chart's series for the models past the first few, named in the display language. */
export const otherModels = (): string => l10n.t('Other models');

export interface ModelTotal {
  model: string;
  /** In the month's currency; null when none of this model's replies has a known cost. */
  cost: number | null;
  tokens: number;
  replies: number;
}

export interface UsageSeries {
  model: string;
  /** Per day of the month, in order; replies without a known cost add nothing here. */
  cost: number[];
  tokens: number[];
}

export interface UsageSummary {
  month: string;
  days: string[];
  /** `cost` when any reply of the month has a known cost, else `tokens`: never a cost made up from tokens. */
  metric: 'cost' | 'tokens';
  /** The currency of the month's costs (the one most replies were priced in); null when none was. */
  currency: string | null;
  series: UsageSeries[];
  total: {
    /** Sum of the known costs in `currency`; null when none is known. */
    cost: number | null;
    tokens: number;
    replies: number;
    /** Replies whose cost is unknown (or in another currency): not in `cost`, said so beside it. */
    unpriced: number;
    errors: number;
  };
  top: ModelTotal[];
}

interface Acc {
  cost: number[];
  tokens: number[];
  total: ModelTotal;
  priced: boolean;
}

export function tokensOf(record: UsageRecord): number {
  return (record.inputTokens ?? 0) + (record.outputTokens ?? 0);
}

export function summarise(records: readonly UsageRecord[], month: string, zone: ZoneOffset = localZone): UsageSummary {
  const days = daysOfMonth(month);
  // Day numbers since the epoch, computed with arithmetic (a Date and a string per record cost more than all the
  // sums together). Most records share a zone offset with their neighbours: the last hour's answer is reused.
  const firstDay = Date.parse(`${month}-01T00:00:00Z`) / 86_400_000;
  const inMonth: UsageRecord[] = [];
  const dayIndex: number[] = [];
  const currencies = new Map<string, number>();
  let hourKey = -1;
  let hourOffset = 0;
  for (const r of records) {
    const ms = Date.parse(r.time);
    const hour = Math.floor(ms / 3_600_000);
    if (hour !== hourKey) {
      hourKey = hour;
      hourOffset = zone(ms) * 60_000;
    }
    const day = Math.floor((ms + hourOffset) / 86_400_000) - firstDay;
    if (!(day >= 0 && day < days.length)) continue;
    inMonth.push(r);
    dayIndex.push(day);
    if (r.cost !== null && r.currency) currencies.set(r.currency, (currencies.get(r.currency) ?? 0) + 1);
  }
  const currency = [...currencies.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

  const byModel = new Map<string, Acc>();
  const total = { cost: null as number | null, tokens: 0, replies: 0, unpriced: 0, errors: 0 };
  for (let i = 0; i < inMonth.length; i++) {
    const r = inMonth[i]!;
    const day = dayIndex[i]!;
    let acc = byModel.get(r.model);
    if (!acc) {
      acc = {
        cost: new Array<number>(days.length).fill(0),
        tokens: new Array<number>(days.length).fill(0),
        total: { model: r.model, cost: null, tokens: 0, replies: 0 },
        priced: false,
      };
      byModel.set(r.model, acc);
    }
    const tokens = tokensOf(r);
    acc.tokens[day]! += tokens;
    acc.total.tokens += tokens;
    acc.total.replies++;
    total.tokens += tokens;
    total.replies++;
    if (r.outcome === 'error') total.errors++;
    if (r.cost !== null && r.currency === currency) {
      acc.cost[day]! += r.cost;
      acc.total.cost = (acc.total.cost ?? 0) + r.cost;
      total.cost = (total.cost ?? 0) + r.cost;
    } else {
      total.unpriced++;
    }
  }

  const metric = currency === null ? 'tokens' : 'cost';
  const ranked = [...byModel.values()].sort((a, b) =>
    metric === 'cost' ? (b.total.cost ?? 0) - (a.total.cost ?? 0) || b.total.tokens - a.total.tokens : b.total.tokens - a.total.tokens,
  );
  const series: UsageSeries[] = ranked.slice(0, CHART_MODELS).map((a) => ({ model: a.total.model, cost: a.cost, tokens: a.tokens }));
  const rest = ranked.slice(CHART_MODELS);
  if (rest.length > 0) {
    const other: UsageSeries = {
      model: otherModels(),
      cost: new Array<number>(days.length).fill(0),
      tokens: new Array<number>(days.length).fill(0),
    };
    for (const a of rest) {
      for (let d = 0; d < days.length; d++) {
        other.cost[d]! += a.cost[d]!;
        other.tokens[d]! += a.tokens[d]!;
      }
    }
    series.push(other);
  }
  return { month, days, metric, currency, series, total, top: ranked.slice(0, TOP_MODELS).map((a) => a.total) };
}
