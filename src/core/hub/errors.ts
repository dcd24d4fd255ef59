// One error type for everything that can go wrong talking to a hub, with a message a person can act on.
import type { AssembledReply } from './streamAssembler';
import { readErrorBody } from './errorWords';
import * as l10n from '@vscode/l10n';

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
  /** The hub's id for the request, to quote to its support. */
  requestId?: string;
  cause?: unknown;
}

export class HubError extends Error {
  readonly kind: HubErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly hubMessage?: string;
  readonly retryAfterMs?: number;
  partial?: AssembledReply;
  requestId?: string;

  constructor(init: HubErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'HubError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.hubMessage = init.hubMessage;
    this.retryAfterMs = init.retryAfterMs;
    this.partial = init.partial;
    this.requestId = init.requestId;
  }
}

/** Failures that may come from a wrong hub address: wherever one is shown, it comes with a Choose Hub button. */
export const HUB_ADDRESS_ERRORS: ReadonlySet<string> = new Set<HubErrorKind>(['network', 'redirect', 'invalidResponse', 'config']);

/**
 * The hub's id for a request: new-api's `X-Oneapi-Request-Id` header, the common `x-request-id`, or the
 * "(request id: …)" new-api writes into its error messages.
 */
export function requestIdFrom(headers: Headers | undefined, body?: string): string | undefined {
  const header = headers?.get('x-oneapi-request-id') ?? headers?.get('x-request-id') ?? headers?.get('request-id');
  if (header?.trim()) return header.trim().slice(0, 120);
  return /request id:\s*([A-Za-z0-9_-]{4,120})/i.exec(body ?? '')?.[1];
}

export function isHubError(err: unknown): err is HubError {
  return err instanceof HubError;
}

const QUOTA_HINT = /quota|insufficient|balance|credit|余额|额度/i;
/** Words hubs and providers use when a request does not fit the model's context (OpenAI, Anthropic, vLLM, Gemini, new-api). */
const CONTEXT_HINT =
  /context[ _-]?(length|window|limit)|maximum context|too many tokens|prompt is too long|input is too long|too long for the model|reduce the length|maximum (input |prompt )?(length|tokens)|token limit|exceeds? the (model's )?(max|limit)/i;
const CHANNEL_HINT = /no available channel|无可用渠道|channel|渠道/i;

/** new-api's `{"success":false}` carries no status: a "no channel" message means 503, a quota one 402, anything else a refusal. */
export function statusOfRefusal(message: string): number {
  return CHANNEL_HINT.test(message) ? 503 : QUOTA_HINT.test(message) ? 402 : 400;
}

/** Builds the error for a non-2xx reply, choosing words by status and by what the hub said. */
export function errorFromStatus(
  status: number,
  body: string,
  context: {
    model?: string;
    retryAfterMs?: number;
    /** False when the request went without a key (a local hub). */ keySent?: boolean;
  } = {},
): HubError {
  const { code, text } = readErrorBody(body);
  const said = text ? `: ${text}` : '';
  const model = context.model ? `"${context.model}"` : l10n.t('this model');
  const base = { status, code, hubMessage: text, retryAfterMs: context.retryAfterMs };
  const quota = QUOTA_HINT.test(`${code ?? ''} ${text ?? ''}`);
  switch (true) {
    // A hub on this machine is asked without a key when none is stored: a 401 then means "needs one", not "wrong one".
    case status === 401 && context.keySent === false:
      return new HubError({
        ...base,
        kind: 'noKey',
        message: l10n.t('No API key is set for this hub, and it asks for one (401{0}). Run "AI Hub: Set API Key" to add one.', said),
      });
    case status === 401:
      return new HubError({
        ...base,
        kind: 'auth',
        message: l10n.t('The hub rejected the API key (401{0}). Run "AI Hub: Set API Key" to enter a valid key for this hub.', said),
      });
    case status === 402 || ((status === 403 || status === 429) && quota):
      return new HubError({
        ...base,
        kind: 'quota',
        message: l10n.t("Your hub quota is used up ({0}{1}). Top up credits in the hub's dashboard, then retry.", status, said),
      });
    case status === 403:
      return new HubError({
        ...base,
        kind: 'forbidden',
        message: l10n.t(
          "This key may not use {0} (403{1}). Pick another model, or allow it for this key in the hub's dashboard.",
          model,
          said,
        ),
      });
    case status === 404:
      return new HubError({
        ...base,
        kind: 'notFound',
        message: l10n.t(
          "The hub does not know {0} or this address (404{1}). Check the model id, and that the hub's base URL ends in /v1.",
          model,
          said,
        ),
      });
    case status === 400 || status === 413 || status === 422:
      return new HubError({ ...base, kind: 'badRequest', message: refusal(status, text, model) });
    case status === 429: {
      const wait = context.retryAfterMs ? ` ${l10n.t('The hub asks to wait {0} s.', Math.ceil(context.retryAfterMs / 1000))}` : '';
      return new HubError({
        ...base,
        kind: 'rateLimited',
        message: l10n.t('The hub is rate-limiting this key (429{0}).{1} Wait a moment and retry, or pick another model.', said, wait),
      });
    }
    case status === 503 && CHANNEL_HINT.test(text ?? ''):
      return new HubError({
        ...base,
        kind: 'noChannel',
        message: l10n.t('No provider channel is available for {0} right now (503{1}). Try another model, or retry later.', model, said),
      });
    case status === 503:
      return new HubError({ ...base, kind: 'unavailable', message: l10n.t('The hub is unavailable (503{0}). Retry in a moment.', said) });
    case status >= 500:
      return new HubError({
        ...base,
        kind: 'server',
        message: l10n.t('The hub failed ({0}{1}). Retry; if it keeps failing, the hub or its upstream provider is down.', status, said),
      });
    default:
      return new HubError({
        ...base,
        kind: 'invalidResponse',
        message: l10n.t('The hub answered with an unexpected status {0}{1}.', status, said),
      });
  }
}

/** A refused request: the hub's own words first, then advice that fits them. */
function refusal(status: number, text: string | undefined, model: string): string {
  if (status === 413 || CONTEXT_HINT.test(text ?? '')) {
    const said = text
      ? l10n.t('{0} — the hub refused the request ({1}).', text, status)
      : l10n.t('The request is too large for the hub ({0}).', status);
    return `${said} ${l10n.t('The conversation or the attached code is longer than {0} accepts: start a new chat, attach less, or pick a model with a longer context.', model)}`;
  }
  if (text) return l10n.t("{0} — the hub refused the request ({1}). Check the request's settings, or try another model.", text, status);
  return l10n.t("The hub refused the request ({0}) without saying why. Try another model, or ask the hub's operator.", status);
}
