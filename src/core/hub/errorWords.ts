// The hub's own words out of whatever it sent with a failure: a JSON body in one of many gateways' shapes, an
// upstream's HTML page (bare, or wrapped in JSON by a gateway), plain text, or a message that embeds the upstream's
// raw error body behind the gateway's prefixes. A person sees these words; never JSON or markup.

export interface HubWords {
  /** The hub's own code (`model_not_found`, `insufficient_user_quota`, `rate_limit_exceeded`, …). */
  code?: string;
  /** Short, one line, cleaned of markup, embedded bodies and gateway prefixes. */
  text?: string;
}

const MAX_HUB_TEXT = 300;

/** Turns an error body (JSON, HTML page, plain text or nothing) into the hub's code and a short readable text. */
export function readErrorBody(body: string): HubWords {
  const trimmed = body.trim();
  if (!trimmed) return {};
  const first = trimmed.charCodeAt(0);
  if (first === 0x7b /* { */ || first === 0x5b /* [ */) {
    try {
      // A JSON body without words in it says nothing a person can use: the status speaks instead.
      return readErrorJson(JSON.parse(trimmed)) ?? {};
    } catch {
      // Not JSON after all: read it as text.
    }
  }
  const text = hubText(trimmed);
  return text ? { text } : {};
}

/** The code and words in an already-parsed error body or stream event, or undefined when it carries none. */
export function readErrorJson(json: unknown): HubWords | undefined {
  // Google's OpenAI-compatible endpoint answers `[{"error": {…}}]`.
  if (Array.isArray(json)) return json.length > 0 ? readErrorJson(json[0]) : undefined;
  if (typeof json === 'string') {
    const text = hubText(json);
    return text ? { text } : undefined;
  }
  if (!json || typeof json !== 'object') return undefined;
  const o = json as Record<string, unknown>;
  const err = o.error;
  if (err && typeof err === 'object' && !Array.isArray(err)) {
    const e = err as Record<string, unknown>;
    let text = wordsIn(e.message) ?? wordsIn(e.msg) ?? wordsIn(e.detail);
    // OpenRouter: "Provider returned error", with the upstream's own body as a string in metadata.raw.
    const raw = (e.metadata as { raw?: unknown } | undefined)?.raw;
    const inner = typeof raw === 'string' ? readErrorBody(raw).text : undefined;
    if (inner && inner !== text) text = text ? `${text}: ${inner}` : inner;
    return words(codeOf(e.code) ?? codeOf(e.type) ?? codeOf(o.code), text);
  }
  const code = codeOf(o.code) ?? codeOf(o.error_code) ?? codeOf(o.type === 'error' ? undefined : o.type);
  // new-api and LiteLLM: `{"error": "text"}`; Portkey: `{"status": "failure", "message"}` and an upstream's HTML
  // page as `{"html-message": "<html>…"}`; FastAPI (vLLM, SGLang): `{"detail": "…"}` or `{"detail": [{"msg"}]}`;
  // Cloudflare: `{"errors": [{"message"}]}`; older vLLM and FastChat: `{"object": "error", "message"}`.
  const text =
    wordsIn(err) ??
    wordsIn(o.message) ??
    wordsIn(o['html-message']) ??
    wordsIn(o.detail) ??
    wordsIn(o.error_message) ??
    wordsIn(o.errors) ??
    wordsIn(o.msg);
  return text === undefined && code === undefined ? undefined : words(code, text);
}

function words(code: string | undefined, text: string | undefined): HubWords {
  const out: HubWords = {};
  if (code !== undefined) out.code = code;
  if (text !== undefined) out.text = text;
  return out;
}

function wordsIn(value: unknown): string | undefined {
  if (typeof value === 'string') return hubText(value) || undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const words = wordsIn(item);
      if (words) return words;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    return readErrorJson(v)?.text ?? wordsIn(v.msg);
  }
  return undefined;
}

function codeOf(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value && value !== 'None' ? value : undefined;
}

/**
 * Text a person can read from a message as hubs write it: an HTML page shortened to its title, a JSON or Python
 * body embedded after a gateway's prefix (LiteLLM: `litellm.BadRequestError: OpenAIException - Error code: 400 -
 * {'error': {'message': …}}`) replaced by the message inside it, LiteLLM's router notes and Portkey's
 * `openai error: ` dropped. Empty when nothing readable is left (a body with no words in it).
 */
export function hubText(message: string): string {
  let s = message.trim();
  const html = /<(!doctype|html|head|body|title|h1|\?xml)\b/i.exec(s);
  if (html) {
    const page = s.slice(html.index);
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(page)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(page)?.[1];
    const words = decodeEntities(
      (title ?? page.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '),
    ).trim();
    s = join(s.slice(0, html.index), words);
  }
  if (s.startsWith('{') || s.startsWith('[')) {
    try {
      const inner = readErrorJson(JSON.parse(s))?.text;
      if (inner !== undefined) return inner;
    } catch {
      // An embedded body is handled below.
    }
  }
  // LiteLLM's router appends its fallback bookkeeping after the real message.
  s = s.replace(/\.?\s*Received Model Group=[\s\S]*$/, '');
  const brace = s.search(/\{\s*["']/);
  if (brace >= 0) {
    const inner = /["'](?:message|msg|detail)["']\s*:\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/.exec(s.slice(brace));
    const said = inner ? unescape(inner[1] ?? inner[2]) : '';
    s = said ? said : s.slice(0, brace);
  }
  s = s.replace(/[\s:\-–=,]+$/, '');
  // Only the gateway's prefix left (its body had no words in it): the prefix is all there is to say.
  return clip(s.replace(GATEWAY_PREFIX, '') || s);
}

/** `litellm.RateLimitError: `, `OpenAIException - `, `Error code: 400 - ` (LiteLLM), `openai error: ` (Portkey). */
const GATEWAY_PREFIX = /^(?:(?:[\w.]*(?:Error|Exception)|Error code:\s*\d+|[a-z][\w.-]* error)\s*[:-]\s*)+/;

function join(prefix: string, words: string): string {
  const p = prefix.replace(/[\s:\-–=,]+$/, '').trim();
  return p && words ? `${p}: ${words}` : p || words;
}

function unescape(s: string): string {
  return s.replace(/\\(["'\\/nrt])/g, (_, c: string) => (c === 'n' || c === 'r' || c === 't' ? ' ' : c));
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

/**
 * Whether a parsed body or stream event is a failure rather than a reply, in any of the shapes hubs use: an
 * `error` member (OpenAI, new-api, LiteLLM, vLLM, SGLang, OpenRouter, Anthropic's `{"type":"error","error"}`),
 * `{"object":"error"}` (older vLLM, FastChat), `{"success":false}` (new-api, Cloudflare), `{"status":"failure"}`
 * (Portkey).
 */
export function isErrorShaped(json: unknown): boolean {
  if (!json || typeof json !== 'object') return false;
  if (Array.isArray(json)) return json.length > 0 && isErrorShaped(json[0]);
  const o = json as Record<string, unknown>;
  return (
    (o.error != null && o.error !== false) || o.object === 'error' || o.type === 'error' || o.success === false || o.status === 'failure'
  );
}
