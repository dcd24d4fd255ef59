// The `aihub.hubs` setting: hubs the user keeps to switch between. Read defensively: it is hand-editable JSON.
import { parseHubUrl } from './hubUrl';

export interface SavedHub {
  name: string;
  baseUrl: string;
  /** Extra request headers for this hub, as written (checked by `hubHeaders.ts` when requests are made). */
  headers?: unknown;
  /** The header the key goes in, as written (`Authorization: Bearer …` when absent). */
  authHeader?: unknown;
  /** Fields this version does not know are kept, so writing the list back loses nothing the user wrote. */
  [field: string]: unknown;
}

/** The valid entries, normalised, each URL once (the first name wins); malformed entries are left out. */
export function readSavedHubs(value: unknown): SavedHub[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const hubs: SavedHub[] = [];
  for (const entry of value) {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) continue;
    const { name, baseUrl, ...rest } = entry as Record<string, unknown>;
    if (typeof baseUrl !== 'string') continue;
    const parsed = parseHubUrl(baseUrl);
    if (!parsed.ok || seen.has(parsed.url)) continue;
    seen.add(parsed.url);
    hubs.push({ name: typeof name === 'string' && name.trim() ? name.trim() : parsed.host, baseUrl: parsed.url, ...rest });
  }
  return hubs;
}

/** `hubs` with `hub` added, or updated (its other fields, such as headers, kept) when its URL is already there. */
export function withSavedHub(hubs: readonly SavedHub[], hub: SavedHub): SavedHub[] {
  const i = hubs.findIndex((h) => h.baseUrl === hub.baseUrl);
  return i < 0 ? [...hubs, hub] : hubs.map((h, j) => (j === i ? { ...h, ...hub } : h));
}

/** The saved entry for `baseUrl` (already normalised), if the user kept one. */
export function savedHubFor(hubs: readonly SavedHub[], baseUrl: string): SavedHub | undefined {
  return hubs.find((h) => h.baseUrl === baseUrl);
}

/**
 * The raw `aihub.hubs` value with the entry for `baseUrl` changed by `patch` (added first when there is none).
 * Works on the value as written, so entries this version cannot read and fields it does not know survive.
 */
export function patchSavedHub(
  raw: unknown,
  hub: { name: string; baseUrl: string },
  patch: (entry: Record<string, unknown>) => Record<string, unknown>,
): unknown[] {
  const entries = Array.isArray(raw) ? [...(raw as unknown[])] : [];
  const i = entries.findIndex((entry) => {
    if (!entry || typeof entry !== 'object') return false;
    const url = (entry as { baseUrl?: unknown }).baseUrl;
    if (typeof url !== 'string') return false;
    const parsed = parseHubUrl(url);
    return parsed.ok && parsed.url === hub.baseUrl;
  });
  if (i < 0) return [...entries, patch({ name: hub.name, baseUrl: hub.baseUrl })];
  entries[i] = patch({ ...(entries[i] as Record<string, unknown>) });
  return entries;
}
