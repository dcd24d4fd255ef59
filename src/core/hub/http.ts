// The hub client's HTTP layer below retries and streaming: the request URL, redirects that never carry the key to
// another server, and JSON bodies checked for the ways hubs say "error" under status 200.
import { redact } from '../logger';
import { readCapped } from './body';
import { HubError, errorFromStatus, statusOfRefusal } from './errors';
import { isErrorShaped, readErrorBody } from './errorWords';
import type { IdleWatchdog } from './idleWatchdog';
import { successFalseSchema } from './schemas';
import * as l10n from '@vscode/l10n';

const MAX_JSON_BODY_CHARS = 32 * 1024 * 1024;
const MAX_REDIRECTS = 5;

/** `path` under the hub's base URL; a base URL that is not http(s) is refused with words a person can act on. */
export function hubUrl(baseUrl: string, path: string): string {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new HubError({
      kind: 'config',
      message: l10n.t('The hub address "{0}" is not a valid URL. Choose a hub with an address like https://aihubapi.ai/v1.', baseUrl),
    });
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new HubError({
      kind: 'config',
      message: l10n.t('The hub address must start with https:// (or http:// for a local hub), not {0}', base.protocol),
    });
  }
  return `${base.href.replace(/\/+$/, '')}/${path}`;
}

/** Follows redirects only within the hub's origin: the key must never travel to another server. */
export async function fetchFollowingSameOrigin(fetchImpl: typeof globalThis.fetch, url: string, init: RequestInit): Promise<Response> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await fetchImpl(current, init);
    if (response.status < 300 || response.status >= 400 || response.status === 304) return response;
    const location = response.headers.get('location');
    if (!location) return response;
    const next = new URL(location, current);
    const from = new URL(current);
    await response.body?.cancel().catch(() => undefined);
    if (next.origin !== from.origin) {
      throw new HubError({
        kind: 'redirect',
        status: response.status,
        message: l10n.t(
          "The hub redirected to another server ({0}); the request was not sent there with your key. Check the hub's address with Choose Hub (the hub may have moved).",
          next.origin,
        ),
      });
    }
    if (response.status === 303) init = { ...init, method: 'GET', body: undefined };
    current = next.href;
  }
  throw new HubError({
    kind: 'redirect',
    message: l10n.t("The hub redirected more than {0} times. Check the hub's address with Choose Hub.", MAX_REDIRECTS),
  });
}

/** The body as JSON; a web page, broken JSON, new-api's `{"success":false}` or an error object become HubErrors. */
export async function readJson(
  response: Response,
  watchdog: IdleWatchdog,
  secrets: string[],
  context: { model?: string },
): Promise<unknown> {
  const text = await readCapped(response, MAX_JSON_BODY_CHARS, watchdog, true);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const { text: said } = readErrorBody(redact(text, secrets));
    const html = /^\s*</.test(text);
    throw new HubError({
      kind: 'invalidResponse',
      status: response.status,
      hubMessage: said,
      message: html
        ? l10n.t(
            "The hub answered with a web page instead of an API reply{0}. Check with Choose Hub that the hub's address is its API address, ending in /v1.",
            said ? ` ("${said}")` : '',
          )
        : l10n.t("The hub's reply is not valid JSON{0}. Check the hub's address with Choose Hub, or retry.", said ? ` ("${said}")` : ''),
    });
  }
  const failed = successFalseSchema.safeParse(json);
  if (failed.success) {
    const said = redact(failed.data.message ?? '', secrets);
    throw errorFromStatus(statusOfRefusal(said), JSON.stringify({ error: { message: said } }), context);
  }
  if (isErrorShaped(json) && !('choices' in (json as object)) && !('data' in (json as object))) {
    throw errorFromStatus(response.status >= 400 ? response.status : 500, redact(text, secrets), context);
  }
  return json;
}

export function cancelledError(): HubError {
  return new HubError({ kind: 'cancelled', message: l10n.t('The request was cancelled.') });
}

/** A failed connection, in words naming the hub's origin and the cause. */
export function networkError(err: unknown, baseUrl: string, secrets: string[]): HubError {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  const detail = cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
  let origin = baseUrl;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    // keep the raw text
  }
  return new HubError({
    kind: 'network',
    message: redact(
      l10n.t("Could not reach the hub at {0} ({1}). Check your network connection, or the hub's address with Choose Hub.", origin, detail),
      secrets,
    ),
    cause: err,
  });
}
