// One error type for everything that can go wrong talking to a hub, with a message a person can act on.
import type { AssembledReply } from './streamAssembler';

export type HubErrorKind =
  | 'noKey'
  | 'auth'
  | 'quota'
  | 'forbidden'
  | 'notFound'
  | 'badRequest'
  | 'rateLimited'
  | 'server'
  | 'noChannel'
  | 'unavailable'
  | 'network'
  | 'timeout'
  | 'brokenStream'
  | 'invalidResponse'
  | 'redirect'
  | 'tooLarge'
  | 'cancelled'
  | 'config';

export interface HubErrorInit {
  kind: HubErrorKind;
  message: string;
  status?: number;
  /** The hub's own `error.code` (new-api: `model_not_found`, `insufficient_user_quota`, …). */
  code?: string;
  /** The hub's own words, cleaned of HTML and trimmed. */
  hubMessage?: string;
  retryAfterMs?: number;
  /** What had arrived before the failure: callers keep it on screen rather than losing it. */
  partial?: AssembledReply;
  cause?: unknown;
}

export class HubError extends Error {
  readonly kind: HubErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly hubMessage?: string;
  readonly retryAfterMs?: number;
  partial?: AssembledReply;

  constructor(init: HubErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'HubError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.hubMessage = init.hubMessage;
    this.retryAfterMs = init.retryAfterMs;
    this.partial = init.partial;
  }
}

export function isHubError(err: unknown): err is HubError {
  return err instanceof HubError;
}

const MAX_HUB_TEXT = 300;

/** Turns an error body (JSON, HTML page, plain text or nothing) into the hub's code and a short readable text. */
export function readErrorBody(body: string): { code?: string; text?: string } {
  const trimmed = body.trim();
  if (!trimmed) return {};
  if (trimmed.startsWith('{')) {
    try {
      const json = JSON.parse(trimmed) as Record<string, unknown>;
      const err = json.error;
      if (typeof err === 'string') return { text: clip(err) };
      if (err && typeof err === 'object') {
        const e = err as Record<string, unknown>;
        const code = e.code ?? e.type;
        return {
          code: typeof code === 'string' || typeof code === 'number' ? String(code) : undefined,
          text: typeof e.message === 'string' ? clip(e.message) : undefined,
        };
      }
      if (typeof json.message === 'string') return { text: clip(json.message) };
      if (typeof json.detail === 'string') return { text: clip(json.detail) };
    } catch {
      // Not JSON after all: fall through to the text treatment.
    }
  }
  if (/^<(!doctype|html|head|body|\?xml)/i.test(trimmed)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(trimmed)?.[1];
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(trimmed)?.[1];
    const text = title ?? h1 ?? trimmed.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ');
    return { text: clip(decodeEntities(text.replace(/<[^>]+>/g, ' '))) };
  }
  return { text: clip(trimmed) };
}

function decodeEntities(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|#39|nbsp);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[e] ?? _,
  );
}

function clip(s: string): string {
  const oneLine = s.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_HUB_TEXT ? `${oneLine.slice(0, MAX_HUB_TEXT - 1)}…` : oneLine;
}

const QUOTA_HINT = /quota|insufficient|balance|credit|余额|额度/i;
const CHANNEL_HINT = /no available channel|无可用渠道|channel/i;

/** Builds the error for a non-2xx reply, choosing words by status and by what the hub said. */
export function errorFromStatus(status: number, body: string, context: { model?: string; retryAfterMs?: number } = {}): HubError {
  const { code, text } = readErrorBody(body);
  const said = text ? `: ${text}` : '';
  const model = context.model ? `"${context.model}"` : 'this model';
  const base = { status, code, hubMessage: text, retryAfterMs: context.retryAfterMs };
  const quota = QUOTA_HINT.test(`${code ?? ''} ${text ?? ''}`);
  switch (true) {
    case status === 401:
      return new HubError({
        ...base,
        kind: 'auth',
        message: `The hub rejected the API key (401${said}). Run "AI Hub: Set API Key" to enter a valid key for this hub.`,
      });
    case status === 402 || (status === 403 && quota):
      return new HubError({
        ...base,
        kind: 'quota',
        message: `Your hub quota is used up (${status}${said}). Top up credits in the hub's dashboard, then retry.`,
      });
    case status === 403:
      return new HubError({
        ...base,
        kind: 'forbidden',
        message: `This key may not use ${model} (403${said}). Pick another model, or allow it for this key in the hub's dashboard.`,
      });
    case status === 404:
      return new HubError({
        ...base,
        kind: 'notFound',
        message: `The hub does not know ${model} or this address (404${said}). Check the model id, and that the hub's base URL ends in /v1.`,
      });
    case status === 400 || status === 413 || status === 422:
      return new HubError({
        ...base,
        kind: 'badRequest',
        message: `The hub refused the request (${status}${said}). Check the model's limits (context length, parameters) or try another model.`,
      });
    case status === 429: {
      const wait = context.retryAfterMs ? ` The hub asks to wait ${Math.ceil(context.retryAfterMs / 1000)} s.` : '';
      return new HubError({
        ...base,
        kind: 'rateLimited',
        message: `The hub is rate-limiting this key (429${said}).${wait} Wait a moment and retry, or pick another model.`,
      });
    }
    case status === 503 && CHANNEL_HINT.test(text ?? ''):
      return new HubError({
        ...base,
        kind: 'noChannel',
        message: `No provider channel is available for ${model} right now (503${said}). Try another model, or retry later.`,
      });
    case status === 503:
      return new HubError({ ...base, kind: 'unavailable', message: `The hub is unavailable (503${said}). Retry in a moment.` });
    case status >= 500:
      return new HubError({
        ...base,
        kind: 'server',
        message: `The hub failed (${status}${said}). Retry; if it keeps failing, the hub or its upstream provider is down.`,
      });
    default:
      return new HubError({ ...base, kind: 'invalidResponse', message: `The hub answered with an unexpected status ${status}${said}.` });
  }
}
