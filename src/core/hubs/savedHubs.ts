// The `aihub.hubs` setting: hubs the user keeps to switch between. Read defensively: it is hand-editable JSON.
import { webAddress } from '../money/hubStatus';
import { parseHubUrl } from './hubUrl';

export interface SavedHub {
  name: string;
  baseUrl: string;
  /** Where to buy credit for this hub, when the hub itself does not say. */
  topUpUrl?: string;
}

/** The valid entries, normalised, each URL once (the first name wins); malformed entries are left out. */
export function readSavedHubs(value: unknown): SavedHub[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const hubs: SavedHub[] = [];
  for (const entry of value) {
    if (!entry || typeof entry !== 'object') continue;
    const { name, baseUrl, topUpUrl } = entry as Record<string, unknown>;
    if (typeof baseUrl !== 'string') continue;
    const parsed = parseHubUrl(baseUrl);
    if (!parsed.ok || seen.has(parsed.url)) continue;
    seen.add(parsed.url);
    const topUp = webAddress(topUpUrl);
    hubs.push({
      name: typeof name === 'string' && name.trim() ? name.trim() : parsed.host,
      baseUrl: parsed.url,
      ...(topUp ? { topUpUrl: topUp } : {}),
    });
  }
  return hubs;
}

/** `hubs` with `hub` added, or renamed when its URL is already there. */
export function withSavedHub(hubs: readonly SavedHub[], hub: SavedHub): SavedHub[] {
  const i = hubs.findIndex((h) => h.baseUrl === hub.baseUrl);
  return i < 0 ? [...hubs, hub] : hubs.map((h, j) => (j === i ? { ...h, ...hub } : h));
}
