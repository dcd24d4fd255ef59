// The hub client: models list, streamed and plain chat completions, with retries, timeouts and cancellation.
// No VS Code here: the extension hands it a key getter, a logger and (in tests) nothing else.
import { StreamAssembler } from './streamAssembler';
import { DEFAULT_AUTH_HEADER, keyHeader } from '../hubs/hubHeaders';
import { redact, silentLogger, type Logger } from '../logger';
import { readCapped } from './body';
import { HubError, errorFromStatus, isHubError, requestIdFrom } from './errors';
import { readEventStream } from './eventStream';
import { cancelledError, fetchFollowingSameOrigin, hubUrl, networkError, readJson } from './http';
import { IdleWatchdog } from './idleWatchdog';
import { parseModelList } from './models';
import { completionToResult, replay, type ChatResult } from './replies';
import { backoffMs, isRetryableStatus, MAX_RETRY_AFTER_MS, parseRetryAfter, sleep } from './retry';
import type { ChatEvent, ChatRequest, HubModel } from './types';
import * as l10n from '@vscode/l10n';

export type { ChatResult } from './replies';

export interface HubClientOptions {
  /** The hub's base URL, ending in /v1 (already normalised by the caller). */
  baseUrl: string;
  /** Read on every request, so a key set or cleared meanwhile takes effect at once. */
  getApiKey: () => PromiseLike<string | undefined> | string | undefined;
  /** Send requests without a key when none is set (local hubs such as Ollama or the demo hub need none). */
  keyOptional?: boolean;
  fetch?: typeof globalThis.fetch;
  logger?: Logger;
  maxRetries?: number;
  /** Longest silence allowed before the first byte and between two chunks. */
  idleTimeoutMs?: number;
  /** A reply longer than this (text + reasoning, in characters) is stopped with an error; what came is kept. */
  maxReplyChars?: number;
  userAgent?: string;
  /** Called when a chat request ends, with its error if it failed: a hub's balance follows its replies. */
  onReplyEnd?: (error?: HubError) => void;
  /**
   * Extra headers for every request to this hub (a gateway's), read per request like the key; `secrets` are the
   * values to redact wherever a reply might echo them. Rejecting (a secret header with no value) stops the request.
   */
  getHeaders?: () => PromiseLike<HubHeaders> | HubHeaders;
  /** The header the key goes in, lower case: `authorization` (as `Bearer <key>`, the default) or another, as is. */
  authHeader?: string;
  /** Per-model request fields the user chose in settings (thinking effort), used where a request leaves them unset. */
  requestDefaults?: (model: string) => Partial<ChatRequest>;
}

export interface HubHeaders {
  headers: Record<string, string>;
  secrets: string[];
}

export interface StreamOptions {
  signal?: AbortSignal;
  /** Called for every event as it arrives, before the promise resolves with the whole reply. */
  onEvent?: (event: ChatEvent) => void;
  /**
   * The models this request answers in place of (a fallback: each could not serve, and why), first the one the
   * person asked for. Never sent to the hub: the usage record links the reply to the model asked.
   */
  fallbackFrom?: readonly { model: string; reason: string }[];
}

export interface ModelList {
  models: HubModel[];
  /** Entries that were malformed and left out. */
  skipped: number;
}

const MAX_ERROR_BODY_CHARS = 64 * 1024;

export class HubClient {
  private readonly fetchImpl: typeof globalThis.fetch;
  private readonly logger: Logger;
  private readonly maxRetries: number;
  private readonly idleTimeoutMs: number;
  private readonly maxReplyChars: number;

  constructor(private readonly options: HubClientOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.logger = options.logger ?? silentLogger;
    this.maxRetries = Math.max(0, options.maxRetries ?? 2);
    this.idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
    this.maxReplyChars = options.maxReplyChars ?? 20_000_000;
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  async listModels(options: { signal?: AbortSignal } = {}): Promise<ModelList> {
    const { response, watchdog, secrets } = await this.send('GET', 'models', undefined, options.signal, {});
    try {
      const json = await readJson(response, watchdog, secrets, {});
      const result = parseModelList(json, this.baseUrl);
      if (result.skipped > 0) this.logger.warn(`models: skipped ${result.skipped} malformed entr${result.skipped === 1 ? 'y' : 'ies'}`);
      return result;
    } finally {
      watchdog.dispose();
    }
  }

  /** A plain (non-streamed) completion. */
  complete(request: ChatRequest, options: { signal?: AbortSignal } = {}): Promise<ChatResult> {
    return this.reporting(this.completeOnce(request, options));
  }

  /** A streamed completion: events go to `onEvent` as they arrive; resolves with the whole reply. */
  streamChat(request: ChatRequest, options: StreamOptions = {}): Promise<ChatResult> {
    return this.reporting(this.streamOnce(request, options));
  }

  private async reporting(reply: Promise<ChatResult>): Promise<ChatResult> {
    try {
      const result = await reply;
      this.options.onReplyEnd?.();
      return result;
    } catch (err) {
      this.options.onReplyEnd?.(isHubError(err) ? err : undefined);
      throw err;
    }
  }

  private async completeOnce(request: ChatRequest, options: { signal?: AbortSignal }): Promise<ChatResult> {
    const body = { ...this.withDefaults(request), stream: false };
    const { response, watchdog, secrets } = await this.send('POST', 'chat/completions', body, options.signal, {
      model: request.model,
    });
    try {
      const json = await readJson(response, watchdog, secrets, { model: request.model });
      const result = completionToResult(json, request.model);
      return { ...result, requestId: requestIdFrom(response.headers) ?? result.requestId };
    } finally {
      watchdog.dispose();
    }
  }

  private async streamOnce(request: ChatRequest, options: StreamOptions): Promise<ChatResult> {
    const body = { ...this.withDefaults(request), stream: true, stream_options: { include_usage: true } };
    const { response, watchdog, secrets } = await this.send('POST', 'chat/completions', body, options.signal, { model: request.model });
    const assembler = new StreamAssembler();
    const headerId = requestIdFrom(response.headers);
    try {
      const type = response.headers.get('content-type') ?? '';
      // Some hubs ignore `stream: true` or answer with a JSON error under status 200.
      if (!type.includes('text/event-stream')) {
        const result = completionToResult(await readJson(response, watchdog, secrets, { model: request.model }), request.model);
        replay(result, options.onEvent);
        return { ...result, requestId: headerId ?? result.requestId };
      }
      const result = await readEventStream(response, {
        watchdog,
        assembler,
        onEvent: options.onEvent,
        model: request.model,
        logger: this.logger,
        maxReplyChars: this.maxReplyChars,
      });
      return { ...result, requestId: headerId ?? result.requestId };
    } catch (err) {
      const error = this.finalError(err, options.signal, watchdog, secrets, assembler);
      error.requestId ??= headerId;
      throw error;
    } finally {
      watchdog.dispose();
    }
  }

  /** Sends one request, retrying before any of the reply has arrived. The returned watchdog keeps guarding the body. */
  private async send(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
    context: { model?: string },
  ): Promise<{ response: Response; watchdog: IdleWatchdog; secrets: string[] }> {
    const apiKey = (await this.options.getApiKey())?.trim() ?? '';
    if (!apiKey && !this.options.keyOptional) {
      throw new HubError({ kind: 'noKey', message: l10n.t('No API key is set for this hub. Run "AI Hub: Set API Key" to add one.') });
    }
    const url = hubUrl(this.options.baseUrl, path);
    const extra = (await this.options.getHeaders?.()) ?? { headers: {}, secrets: [] };
    // Everything a reply or an error might echo back and a log must never show.
    const secrets = [apiKey, ...extra.secrets];
    const authHeader = this.options.authHeader ?? DEFAULT_AUTH_HEADER;
    const init: RequestInit = {
      method,
      headers: {
        // The hub's own headers first: the ones the client sets below are not theirs to change.
        ...extra.headers,
        ...(apiKey ? keyHeader(authHeader, apiKey) : {}),
        accept: body === undefined || (body as { stream?: boolean }).stream !== true ? 'application/json' : 'text/event-stream',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        'user-agent': this.options.userAgent ?? 'aihub-vscode',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    };
    for (let attempt = 0; ; attempt++) {
      const watchdog = new IdleWatchdog(this.idleTimeoutMs, signal);
      const started = Date.now();
      const extraNames = Object.keys(extra.headers);
      this.logger.debug(
        `${method} ${url}${context.model ? ` model=${context.model}` : ''}${apiKey ? ` (${authHeader}: ${authHeader === DEFAULT_AUTH_HEADER ? 'Bearer ' : ''}[redacted])` : ' (no key)'}${extraNames.length ? ` headers: ${extraNames.join(', ')}` : ''}${attempt ? ` retry ${attempt}` : ''}`,
      );
      let response: Response;
      try {
        response = await fetchFollowingSameOrigin(this.fetchImpl, url, { ...init, signal: watchdog.signal });
      } catch (err) {
        const error = this.finalError(err, signal, watchdog, secrets);
        watchdog.dispose();
        if (error.kind === 'network' && attempt < this.maxRetries) {
          const wait = backoffMs(attempt);
          this.logger.warn(`${method} ${url}: ${error.message} Retrying in ${wait} ms.`);
          await this.wait(wait, signal);
          continue;
        }
        throw error;
      }
      this.logger.debug(`${method} ${url} → ${response.status} in ${Date.now() - started} ms`);
      if (response.ok) return { response, watchdog, secrets };
      let text: string;
      try {
        text = redact(await readCapped(response, MAX_ERROR_BODY_CHARS, watchdog), secrets);
      } catch (err) {
        watchdog.dispose();
        throw this.finalError(err, signal, watchdog, secrets);
      }
      watchdog.dispose();
      const retryAfterMs = parseRetryAfter(response.headers);
      const error = errorFromStatus(response.status, text, { model: context.model, retryAfterMs, keySent: !!apiKey });
      error.requestId = requestIdFrom(response.headers, text);
      const canWait = retryAfterMs === undefined || retryAfterMs <= MAX_RETRY_AFTER_MS;
      // An exhausted quota (OpenAI-style 429 "insufficient_quota") does not come back by waiting.
      if (isRetryableStatus(response.status) && error.kind !== 'quota' && attempt < this.maxRetries && canWait) {
        const wait = retryAfterMs ?? backoffMs(attempt);
        this.logger.warn(`${method} ${url} → ${response.status}; retrying in ${wait} ms (${attempt + 1}/${this.maxRetries})`);
        await this.wait(wait, signal);
        continue;
      }
      this.logger.error(`${method} ${url} → ${error.message}`);
      throw error;
    }
  }

  private withDefaults(request: ChatRequest): ChatRequest {
    const defaults = this.options.requestDefaults?.(request.model) ?? {};
    const merged: Record<string, unknown> = { ...request };
    for (const [field, value] of Object.entries(defaults)) if (merged[field] === undefined) merged[field] = value;
    return merged as unknown as ChatRequest;
  }

  private async wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch {
      throw cancelledError();
    }
  }

  /** Maps whatever was thrown to a HubError, attaching the part of the reply that had arrived. */
  private finalError(
    err: unknown,
    userSignal: AbortSignal | undefined,
    watchdog: IdleWatchdog,
    secrets: string[],
    assembler?: StreamAssembler,
  ): HubError {
    let error: HubError;
    if (isHubError(err)) error = err;
    else if (userSignal?.aborted) error = cancelledError();
    else if (watchdog.timedOut) {
      error = new HubError({
        kind: 'timeout',
        message: l10n.t(
          'The hub sent nothing for {0} s, so the request was stopped. What arrived is kept; retry, or raise aihub.requestTimeoutSeconds.',
          Math.round(this.idleTimeoutMs / 1000),
        ),
      });
    } else error = networkError(err, this.baseUrl, secrets);
    if (assembler && !error.partial) error.partial = assembler.snapshot();
    return error;
  }
}
