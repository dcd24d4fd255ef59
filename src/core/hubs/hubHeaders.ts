// Extra request headers per hub (`headers` and `authHeader` in an `aihub.hubs` entry). Gateways need their own:
// Portkey refuses a request without `x-portkey-provider` or `x-portkey-config`, Helicone wants `Helicone-Auth`,
// Cloudflare AI Gateway `cf-aig-authorization`, OpenRouter takes `HTTP-Referer` and `X-Title`; Azure OpenAI and
// Anthropic-style proxies take the key in `api-key` or `x-api-key` instead of `Authorization: Bearer`.
// A value written as "${secret}" is kept in secret storage, so settings.json never holds it.
import * as l10n from '@vscode/l10n';
import type { SavedHub } from './savedHubs';

export const SECRET_PLACEHOLDER = '${secret}';
export const DEFAULT_AUTH_HEADER = 'authorization';

export interface HeaderSpec {
  /** As the user wrote it (HTTP header names are case-insensitive; gateways' docs spell them variously). */
  name: string;
  /** The value from settings; empty for a secret, whose value is in secret storage. */
  value: string;
  secret: boolean;
}

export interface HubHeaderConfig {
  headers: HeaderSpec[];
  /** Lower case; `authorization` carries `Bearer <key>`, any other header the key as it is. */
  authHeader: string;
  /** What was left out and why, in words for the log and the user. */
  problems: string[];
}

// RFC 9110 token characters: anything else is not a header name fetch will send.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// A value fetch accepts: no line breaks (a header injection) and nothing outside Latin-1.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
// Set by the client or by HTTP itself: a gateway never needs them changed, and a wrong one breaks every request.
const RESERVED = new Set([
  'host',
  'content-length',
  'content-type',
  'accept',
  'accept-encoding',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
]);

/** Why `name` cannot be a hub header, or undefined when it can. */
export function headerNameProblem(name: string, authHeader = DEFAULT_AUTH_HEADER): string | undefined {
  const lower = name.trim().toLowerCase();
  if (!lower) return l10n.t('A header needs a name.');
  if (!HEADER_NAME.test(lower))
    return l10n.t('"{0}" is not a valid header name (letters, digits and - _ . only, no spaces or colons).', name);
  if (RESERVED.has(lower)) return l10n.t('"{0}" is set by the extension itself and cannot be changed.', name);
  if (lower === authHeader)
    return l10n.t(
      '"{0}" is where your API key goes. Set the key with "AI Hub: Set API Key", or move the key to another header with "AI Hub: Set Hub Header…".',
      name,
    );
  return undefined;
}

/** Why `value` cannot be sent as a header value, or undefined when it can. */
export function headerValueProblem(value: string): string | undefined {
  if (!HEADER_VALUE.test(value)) return l10n.t('A header value cannot contain line breaks or characters outside Latin-1.');
  return undefined;
}

/** The headers and key header of a saved hub (or of a hub nobody saved: none, and the key as a bearer token). */
export function readHubHeaders(hub: SavedHub | undefined): HubHeaderConfig {
  const problems: string[] = [];
  let authHeader = DEFAULT_AUTH_HEADER;
  if (hub?.authHeader !== undefined) {
    const name = typeof hub.authHeader === 'string' ? hub.authHeader.trim().toLowerCase() : '';
    const problem = typeof hub.authHeader === 'string' ? headerNameProblem(name, '') : l10n.t('authHeader must be a header name.');
    if (problem) problems.push(l10n.t('authHeader: {0} The key goes in Authorization instead.', problem));
    else authHeader = name;
  }
  const headers: HeaderSpec[] = [];
  const raw = hub?.headers;
  if (raw !== undefined && (raw === null || typeof raw !== 'object' || Array.isArray(raw))) {
    problems.push(l10n.t('headers must be an object of header names and values, such as {0}.', '{ "x-portkey-provider": "openai" }'));
  } else if (raw) {
    const seen = new Set<string>();
    for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
      const nameProblem = headerNameProblem(name, authHeader);
      if (nameProblem) {
        problems.push(`headers: ${nameProblem}`);
        continue;
      }
      if (typeof value !== 'string') {
        problems.push(l10n.t('headers: the value of "{0}" must be a string.', name));
        continue;
      }
      const lower = name.trim().toLowerCase();
      if (seen.has(lower)) {
        problems.push(l10n.t('headers: "{0}" is given twice; the first is used.', name));
        continue;
      }
      const secret = value.trim() === SECRET_PLACEHOLDER;
      const valueProblem = secret ? undefined : headerValueProblem(value);
      if (valueProblem) {
        problems.push(`headers: "${name}": ${valueProblem}`);
        continue;
      }
      seen.add(lower);
      headers.push({ name: name.trim(), value: secret ? '' : value, secret });
    }
  }
  return { headers, authHeader, problems };
}

export interface ResolvedHeaders {
  headers: Record<string, string>;
  /** The secret values sent, for redaction wherever text might echo them. */
  secrets: string[];
  /** Secret headers with no value in secret storage. */
  missing: string[];
}

/** The headers to send, secret values read through `readSecret` (by header name, lower case). */
export async function resolveHubHeaders(
  config: HubHeaderConfig,
  readSecret: (name: string) => PromiseLike<string | undefined>,
): Promise<ResolvedHeaders> {
  const resolved: ResolvedHeaders = { headers: {}, secrets: [], missing: [] };
  for (const header of config.headers) {
    if (!header.secret) {
      resolved.headers[header.name] = header.value;
      continue;
    }
    const value = await readSecret(header.name.toLowerCase());
    if (value === undefined || value === '') resolved.missing.push(header.name);
    else {
      resolved.headers[header.name] = value;
      resolved.secrets.push(value);
    }
  }
  return resolved;
}

/** The header carrying the key: `Authorization: Bearer <key>` unless the hub takes it elsewhere, as it is. */
export function keyHeader(authHeader: string, key: string): Record<string, string> {
  return authHeader === DEFAULT_AUTH_HEADER ? { authorization: `Bearer ${key}` } : { [authHeader]: key };
}

/** For log lines: header names, secrets marked, values never (a plain value may still be a token pasted by mistake). */
export function describeHeaders(config: HubHeaderConfig): string {
  return config.headers.map((h) => (h.secret ? `${h.name} (secret)` : h.name)).join(', ');
}

/** How a header shows in the command's list: plain values as they are, secrets masked. */
export function maskedValue(header: HeaderSpec, stored: string | undefined): string {
  if (!header.secret) return header.value;
  if (!stored) return l10n.t('secret, not set yet');
  // The last four characters tell two tokens apart without giving a usable part away; short values show none.
  return stored.length >= 16 ? `••••••••${stored.slice(-4)}` : '••••••••';
}

/** Header names whose values are usually credentials: offered as secrets by default. */
export function looksSecret(name: string): boolean {
  // By whole words: `x-portkey-api-key` is a key, `x-portkey-provider` is not, for all the "key" in "portkey".
  return name
    .toLowerCase()
    .split(/[-_.]/)
    .some((word) => /^(auth|authorization|key|apikey|token|secret|password|cookie|credentials?|signature)$/.test(word));
}

/** An entry's `headers` with `name` set to `value` (or removed when undefined), matching names case-insensitively. */
export function withHeader(headers: unknown, name: string, value: string | undefined): Record<string, string> | undefined {
  const kept = Object.entries(headers && typeof headers === 'object' && !Array.isArray(headers) ? (headers as Record<string, unknown>) : {})
    .filter(([n, v]) => n.toLowerCase() !== name.toLowerCase() && typeof v === 'string')
    .map(([n, v]) => [n, v as string] as const);
  if (value !== undefined) kept.push([name, value]);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** Headers gateways document, offered when adding one (any other name can be typed); hints in the display language. */
export const knownHeaders = (): readonly { name: string; gateway: string; hint: string; example?: string }[] => [
  { name: 'x-portkey-provider', gateway: 'Portkey', hint: l10n.t('the provider to route to'), example: 'openai' },
  { name: 'x-portkey-config', gateway: 'Portkey', hint: l10n.t('a saved config id, or a config as JSON') },
  { name: 'x-portkey-api-key', gateway: 'Portkey (hosted)', hint: l10n.t('your Portkey API key') },
  { name: 'x-portkey-custom-host', gateway: 'Portkey', hint: l10n.t("the upstream's address, for a self-hosted model") },
  { name: 'Helicone-Auth', gateway: 'Helicone', hint: l10n.t('Bearer and your Helicone key') },
  {
    name: 'cf-aig-authorization',
    gateway: 'Cloudflare AI Gateway',
    hint: l10n.t("Bearer and the gateway's token (authenticated gateways)"),
  },
  { name: 'HTTP-Referer', gateway: 'OpenRouter', hint: l10n.t("your app's URL, for attribution") },
  { name: 'X-Title', gateway: 'OpenRouter', hint: l10n.t("your app's name, for attribution") },
];

/** Where a key usually goes, offered when moving it out of `Authorization: Bearer`. */
export const keyHeaders = (): readonly { name: string; hint: string }[] => [
  { name: DEFAULT_AUTH_HEADER, hint: l10n.t('{0}, what OpenAI-compatible hubs expect', 'Authorization: Bearer <key>') },
  { name: 'api-key', hint: l10n.t('{0}, Azure OpenAI and gateways in front of it', 'api-key: <key>') },
  { name: 'x-api-key', hint: l10n.t('{0}, Anthropic-style proxies and several gateways', 'x-api-key: <key>') },
];
