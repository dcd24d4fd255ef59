// new-api / one-api's `GET /api/pricing`: per model either a ratio (quota_type 0: `model_ratio` quota units per
// token, `completion_ratio` times that for output, `cache_ratio` for cached input) or a fixed price per call
// (quota_type 1: `model_price` USD), and the hub's group ratios that multiply both. Turned into USD prices.
import { asRecord } from './hubStatus';
import { readAmount, roundPrice, type ModelPrice } from './price';

/** new-api's default when /api/status does not say. */
export const DEFAULT_QUOTA_PER_UNIT = 500_000;
/** The group a new-api user is in unless an admin moved them, and the one `/api/pricing` prices for a key. */
export const DEFAULT_GROUP = 'default';
/** Entries beyond this are ignored: no hub lists that many, and a runaway reply must not stall the host. */
const MAX_ENTRIES = 50_000;

export interface HubPricing {
  prices: Map<string, ModelPrice>;
  /** The group whose ratio the prices include, and that ratio (1 when the hub lists no groups). */
  group: { name: string; ratio: number };
  /** Other groups with a different ratio, for the tooltip: the key's group is not something a key can read. */
  otherGroups: { name: string; ratio: number }[];
}

export function parsePricing(json: unknown, quotaPerUnit: number = DEFAULT_QUOTA_PER_UNIT): HubPricing | undefined {
  const envelope = asRecord(json);
  if (!envelope || envelope.success === false || !Array.isArray(envelope.data)) return undefined;
  const groups = readGroups(envelope.group_ratio);
  const group = chooseGroup(groups);
  const prices = new Map<string, ModelPrice>();
  if (!group) return { prices, group: { name: '', ratio: 1 }, otherGroups: groups };
  const entries = envelope.data.length > MAX_ENTRIES ? envelope.data.slice(0, MAX_ENTRIES) : envelope.data;
  for (const item of entries) {
    const entry = asRecord(item);
    const name = entry?.model_name;
    if (!entry || typeof name !== 'string' || !name || prices.has(name)) continue;
    const price = readEntry(entry, group.ratio, quotaPerUnit);
    if (price) prices.set(name, price);
  }
  return { prices, group, otherGroups: groups.filter((g) => g.name !== group.name && g.ratio !== group.ratio) };
}

function readEntry(entry: Record<string, unknown>, groupRatio: number, quotaPerUnit: number): ModelPrice | undefined {
  const quotaType = readAmount(entry.quota_type);
  if (quotaType === 1) {
    const perCall = readAmount(entry.model_price);
    return perCall === undefined ? undefined : { kind: 'call', perCall: roundPrice(perCall * groupRatio) };
  }
  if (quotaType !== 0) return undefined;
  const ratio = readAmount(entry.model_ratio);
  const completion = readAmount(entry.completion_ratio);
  if (ratio === undefined || completion === undefined) return undefined;
  const input = (ratio * groupRatio * 1e6) / quotaPerUnit;
  const cache = readAmount(entry.cache_ratio);
  return {
    kind: 'tokens',
    inputPerMillion: roundPrice(input),
    outputPerMillion: roundPrice(input * completion),
    ...(cache === undefined ? {} : { cachedInputPerMillion: roundPrice(input * cache) }),
  };
}

function readGroups(value: unknown): { name: string; ratio: number }[] {
  const record = asRecord(value);
  if (!record) return [];
  const groups: { name: string; ratio: number }[] = [];
  for (const [name, raw] of Object.entries(record)) {
    const ratio = readAmount(raw);
    if (ratio !== undefined) groups.push({ name, ratio });
  }
  return groups;
}

/**
 * new-api answers a key-less /api/pricing with the ratios of the groups a default user may use. A key's own
 * group cannot be read with the key, so prices are for `default` (or the one ratio every group shares); the
 * tooltip names the others. Where groups differ and none is `default`, no price is shown rather than a guess.
 */
function chooseGroup(groups: { name: string; ratio: number }[]): { name: string; ratio: number } | undefined {
  if (groups.length === 0) return { name: DEFAULT_GROUP, ratio: 1 };
  const byName = groups.find((g) => g.name === DEFAULT_GROUP);
  if (byName) return byName;
  return groups.every((g) => g.ratio === groups[0].ratio) ? groups[0] : undefined;
}
