// Turns whatever a person pastes as a hub address into the base URL requests are built on (…/v1), or says in
// words why it cannot be used. Pure: the quick pick validates with it as the user types.
import { isLoopbackHost } from './loopback';
import * as l10n from '@vscode/l10n';

export interface HubUrl {
  ok: true;
  /** The base URL, without a trailing slash: requests go to `${url}/models`, `${url}/chat/completions`. */
  url: string;
  origin: string;
  host: string;
  /** Plain http:// to a host that is not this machine: the key would cross the network unencrypted. */
  insecure: boolean;
  loopback: boolean;
  /** What was changed from the input, in words ("added https://", "removed /chat/completions", …). */
  notes: string[];
}

export interface HubUrlError {
  ok: false;
  error: string;
}

const EXAMPLE = 'https://aihubapi.ai/v1';
// Endpoint paths people copy from a hub's docs (a curl line) instead of the base URL.
const ENDPOINT_SUFFIXES = ['/chat/completions', '/completions', '/models', '/embeddings'];
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// Never echo the input in this one: it would put the password on screen and in logs.
const credentials = () =>
  l10n.t(
    'The address contains a user name or password (user:pass@). Remove it: keys are kept in VS Code\'s secret storage (run "AI Hub: Set API Key").',
  );

export function parseHubUrl(input: string): HubUrl | HubUrlError {
  const notes: string[] = [];
  // Addresses are pasted from docs and chats with quotes or angle brackets around them.
  let text = input
    .trim()
    .replace(/^(["'`<])(.*)(["'`>])$/s, '$2')
    .trim();
  if (!text) return fail(l10n.t("Enter the hub's API address, for example {0}.", EXAMPLE));
  if (/\s/.test(text)) return fail(l10n.t('The address contains a space or line break; a hub address is one word, like {0}.', EXAMPLE));
  if (text.startsWith('//')) text = text.slice(2);

  // `user:pass@host` would otherwise read as the scheme "user:".
  if (/^[^/?#]*@/.test(text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, ''))) return fail(credentials());
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  // `localhost:11434` also matches the scheme pattern: it is a host with a port, not a scheme.
  const hasScheme = scheme !== undefined && (text.slice(scheme.length + 1).startsWith('//') || !/^\d/.test(text.slice(scheme.length + 1)));
  if (hasScheme && scheme !== 'https' && scheme !== 'http') {
    return fail(l10n.t('Only https:// addresses are supported (http:// for a hub on this machine), not {0}:.', scheme));
  }
  if (!hasScheme) {
    const host = hostnameOf(`http://${text}`);
    if (host === undefined) return fail(l10n.t('"{0}" is not a valid address. Use the form {1}.', text, EXAMPLE));
    const local = isLoopbackHost(host);
    text = `${local ? 'http' : 'https'}://${text}`;
    notes.push(local ? l10n.t('added http:// (a hub on this machine)') : l10n.t('added https://'));
  }

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(l10n.t('That is not a valid address. Use the form {0}.', EXAMPLE));
  }
  if (!url.hostname) return fail(l10n.t('The address has no host name. Use the form {0}.', EXAMPLE));
  if (url.username || url.password) return fail(credentials());
  if (url.search || text.includes('?'))
    return fail(l10n.t('Remove the query (?…) from the address: the hub address is only the base, like {0}.', EXAMPLE));
  if (url.hash || text.includes('#'))
    return fail(l10n.t('Remove the fragment (#…) from the address: the hub address is only the base, like {0}.', EXAMPLE));

  let path = url.pathname;
  if (/\/{2,}$/.test(path) || (path.length > 1 && path.endsWith('/'))) notes.push(l10n.t('removed the trailing /'));
  path = path.replace(/\/+$/, '');
  const suffix = ENDPOINT_SUFFIXES.find((s) => path.toLowerCase().endsWith(s));
  if (suffix) {
    path = path.slice(0, -suffix.length).replace(/\/+$/, '');
    notes.push(l10n.t('removed {0} (an endpoint, not the base)', suffix));
  }
  if (path === '') {
    path = '/v1';
    notes.push(l10n.t('added /v1'));
  } else if (!/\/v\d+[a-z]*$/i.test(path)) {
    notes.push(l10n.t('kept the path {0} as given: requests go to {0}/models and {0}/chat/completions', path));
  }

  const loopback = isLoopbackHost(url.hostname);
  return {
    ok: true,
    url: `${url.origin}${path}`,
    origin: url.origin,
    host: url.host,
    insecure: url.protocol === 'http:' && !loopback,
    loopback,
    notes,
  };
}

/** The normalised URL, or `fallback` when the text cannot be used (the client then reports it clearly). */
export function normalizeHubUrl(input: string, fallback = input.trim()): string {
  const parsed = parseHubUrl(input);
  return parsed.ok ? parsed.url : fallback;
}

/** The host to show a person (`aihubapi.ai`, `127.0.0.1:8787`), or the text itself when it is no URL. */
export function hubHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host || baseUrl;
  } catch {
    return baseUrl;
  }
}

function hostnameOf(text: string): string | undefined {
  try {
    return new URL(text).hostname;
  } catch {
    return undefined;
  }
}

function fail(error: string): HubUrlError {
  return { ok: false, error };
}
