// GET requests for prices and balances: to the active hub's own origin only, with its own key, never
// following a redirect, with a short timeout and a size cap. They never throw: a hub that answers HTML, 404,
// 401 or garbage yields a reason, and the caller shows "unknown". Chat never waits on them.
import { readUpTo } from '../hub/body';
import { redact, type Logger } from '../logger';

export type Fetched =
  { ok: true; json: unknown } | { ok: false; reason: 'missing' | 'refused' | 'invalid' | 'unreachable'; status?: number; detail: string };

export interface MoneyFetchOptions {
  /** The hub's base URL (…/v1): every request must stay on its origin. */
  baseUrl: string;
  getApiKey: () => PromiseLike<string | undefined> | string | undefined;
  fetch: typeof globalThis.fetch;
  logger: Logger;
  timeoutMs?: number;
  /** Characters read at most (a pricing list of thousands of models is a few MB). */
  maxChars?: number;
  userAgent?: string;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_CHARS = 16 * 1024 * 1024;

/**
 * Where the hub's own API lives: the base URL without its trailing `/v1` (new-api serves `/api/status` beside
 * `/v1`; OpenRouter's base `https://openrouter.ai/api/v1` gives `https://openrouter.ai/api`).
 */
export function hubRoot(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/v1$/i, '');
}

export function createMoneyFetch(options: MoneyFetchOptions): (url: string, withKey?: boolean) => Promise<Fetched> {
  const origin = new URL(options.baseUrl).origin;
  return async (url, withKey = true) => {
    if (new URL(url).origin !== origin) return { ok: false, reason: 'refused', detail: `not the hub's origin: ${new URL(url).origin}` };
    const key = withKey ? ((await options.getApiKey())?.trim() ?? '') : '';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    (timer as { unref?: () => void }).unref?.();
    const path = new URL(url).pathname;
    try {
      const response = await options.fetch(url, {
        headers: {
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          accept: 'application/json',
          'user-agent': options.userAgent ?? 'aihub-vscode',
        },
        redirect: 'manual',
        signal: controller.signal,
      });
      const body = await readUpTo(response, options.maxChars ?? DEFAULT_MAX_CHARS);
      const text = body.over ? undefined : body.text;
      options.logger.debug(`money: GET ${path} → ${response.status}`);
      if (response.status === 404 || response.status === 405 || response.status === 501) {
        return { ok: false, reason: 'missing', status: response.status, detail: `${response.status}` };
      }
      if (response.status >= 300) {
        return {
          ok: false,
          reason: 'refused',
          status: response.status,
          detail: redact(`${response.status} ${(text ?? '').slice(0, 200)}`, [key]),
        };
      }
      if (text === undefined) return { ok: false, reason: 'invalid', status: response.status, detail: 'reply too large' };
      try {
        return { ok: true, json: JSON.parse(text) };
      } catch {
        // A web app's catch-all route answers unknown paths with its HTML page and status 200.
        return { ok: false, reason: /^\s*</.test(text) ? 'missing' : 'invalid', status: response.status, detail: 'not JSON' };
      }
    } catch (err) {
      const detail = redact(err instanceof Error ? err.message : String(err), [key]);
      options.logger.debug(`money: GET ${path} failed: ${detail}`);
      return { ok: false, reason: 'unreachable', detail };
    } finally {
      clearTimeout(timer);
    }
  };
}
