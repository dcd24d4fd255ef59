// What the local hub does with a request: the scenario type and the replies built from requests.
import type { ErrorBodyShape, OpenEnding, StreamErrorShape, ThinkTag, ToolCallShape } from './shapes';

export type Endpoint = 'chat' | 'models' | 'any';

interface Common {
  /** Which requests the scenario applies to when queued (default: chat completions). */
  endpoint?: Endpoint;
  /** When queued, only a request for this model takes it (a comparison's columns each get their own fault). */
  model?: string;
  /** Pause between streamed frames for this request (overrides the hub's `latencyMs`): a reply that takes a while. */
  chunkDelayMs?: number;
}
interface Framing {
  /** Text to stream instead of the echo. */
  text?: string;
}

/**
 * What the hub does with one request. Faults are the ones real hubs (new-api and the proxies in front of
 * them) produce, so client code can be tested against each without waiting for it to happen in the wild.
 */
export type Scenario = Common &
  (
    | { kind: 'echo' }
    | { kind: 'text'; text: string; chunkSize?: number }
    | { kind: 'status'; status: number; code?: string; message?: string; type?: string; retryAfter?: string; retryAfterMs?: number }
    | { kind: 'html'; status: number }
    | { kind: 'empty'; status: number }
    | { kind: 'successFalse'; message?: string }
    /** new-api relays an upstream failure after the 200 as an `error` object in a data line. */
    | { kind: 'midStreamError'; afterChunks: number }
    /** An error inside a 200 stream in one of the shapes gateways and servers use (`shapes.ts`), after some text. */
    | { kind: 'streamError'; shape: StreamErrorShape; afterChunks: number }
    /** An error body in one of the shapes gateways use (`shapes.ts`), under its status. */
    | { kind: 'errorBody'; shape: ErrorBodyShape }
    /** A finished reply whose last event is not followed by a blank line (`shapes.ts`). */
    | { kind: 'openEnd'; ending: OpenEnding }
    /** Reasoning inside `content` between tags, the tags split across chunks (`shapes.ts`). */
    | ({ kind: 'thinkTags'; tag?: ThinkTag } & Framing)
    | { kind: 'disconnect'; afterChunks: number }
    | { kind: 'stall'; afterChunks: number; ms?: number }
    /** A whole reply whose body stays open `ms` after [DONE] (without `ms`, until the client closes it), as slow hubs end it. */
    | { kind: 'lingers'; ms?: number }
    | { kind: 'malformed'; afterChunks: number }
    /** `singleLine`: one line of words with no newline at all (the panel must not freeze on it). */
    | { kind: 'huge'; bytes: number; singleLine?: boolean }
    | ({ kind: 'ping' } & Framing)
    | ({ kind: 'crlf' } & Framing)
    | ({ kind: 'noSpace' } & Framing)
    | { kind: 'usageOnlyLast' }
    /** new-api after an upstream timeout: usage and [DONE], never a finish reason. */
    | { kind: 'truncated' }
    | { kind: 'endsEarly'; afterChunks: number }
    | { kind: 'reasoning'; both?: boolean; field?: 'reasoning_content' | 'reasoning' }
    /**
     * DeepSeek's thinking mode with tools (Kimi K2 thinking and GLM alike): reasoning, then a call to the first
     * tool; once the tool has run, a 400 unless each assistant message with tool calls brings its reasoning back
     * as `reasoning_content`, else reasoning and an answer quoting the tool's result.
     */
    | { kind: 'thinkingTools' }
    | { kind: 'toolCall'; calls?: { name: string; arguments: Record<string, unknown> }[]; shape?: ToolCallShape }
    | { kind: 'chunks'; count: number; chunkText?: string }
    | { kind: 'redirect'; location: string; status?: number }
    | { kind: 'slow'; delayMs: number }
    /** A hub that ignores `stream: true` and answers with one chat.completion. */
    | { kind: 'jsonForStream' }
    /** Exactly these bytes as the event stream, for shapes no other scenario makes. */
    | { kind: 'raw'; body: string }
  );

export function appliesTo(scenario: Scenario, endpoint: 'chat' | 'models', model?: string): boolean {
  const target = scenario.endpoint ?? 'chat';
  return (target === 'any' || target === endpoint) && (scenario.model === undefined || scenario.model === model);
}

interface RequestMessage {
  role?: string;
  content?: unknown;
  tool_calls?: unknown[];
  reasoning_content?: unknown;
}
export interface ChatBody {
  model?: string;
  messages?: RequestMessage[];
  tools?: { function?: { name?: string; parameters?: { properties?: Record<string, { type?: string }> } } }[];
  stream?: boolean;
}

export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((p: { type?: string; text?: string }) => (p?.type === 'text' ? (p.text ?? '') : '')).join('');
  }
  return '';
}

function lastUserText(body: ChatBody): string {
  const user = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user');
  return user ? textOf(user.content) : '';
}

function imageCount(body: ChatBody): number {
  let n = 0;
  for (const m of body.messages ?? []) {
    if (Array.isArray(m.content)) n += m.content.filter((p: { type?: string }) => p?.type === 'image_url').length;
  }
  return n;
}

/** Picks the scenario written in the last user message: `[[scenario:{"kind":"status","status":503}]]`. */
export function directiveIn(body: ChatBody): Scenario | undefined {
  const match = /\[\[scenario:(\{[\s\S]*?\})\]\]/.exec(lastUserText(body));
  if (!match) return undefined;
  try {
    return JSON.parse(match[1]) as Scenario;
  } catch {
    return undefined;
  }
}

/** The default reply: markdown built from the request, so tests can assert on what they sent. */
export function echoText(body: ChatBody): string {
  const said = lastUserText(body)
    .replace(/\[\[scenario:[\s\S]*?\]\]/g, '')
    .trim();
  const images = imageCount(body);
  const lines = [
    `**Echo** from ${body.model ?? 'unknown-model'}:`,
    '',
    ...said.split('\n').map((l) => `> ${l}`),
    '',
    `- messages received: ${body.messages?.length ?? 0}`,
    ...(images > 0 ? [`- received ${images} image(s)`] : []),
    '- this reply is deterministic',
    '',
    '```ts',
    'const answer = 42;',
    'console.log(`the answer is ${answer}`);',
    '```',
    '',
    'Done.',
  ];
  return lines.join('\n');
}

/** What the `thinkingTools` scenario reasons before its tool call, and expects back on the next turn. */
export const TOOL_REASONING = 'The user wants live data, so I will call the tool first and answer from its result.';

/** DeepSeek's refusal when a thinking-mode tool turn comes back without its reasoning, or undefined when it has it. */
export function missingReasoning(body: ChatBody): string | undefined {
  const turns = (body.messages ?? []).filter((m) => m.role === 'assistant' && Array.isArray(m.tool_calls) && m.tool_calls.length > 0);
  if (turns.every((m) => m.reasoning_content === TOOL_REASONING)) return undefined;
  return 'The `reasoning_content` in the thinking mode must be passed back to the API.';
}

/** The reply after a tool ran: quotes the tool's result so a round trip can be checked. */
export function toolResultText(body: ChatBody): string | undefined {
  const last = body.messages?.at(-1);
  if (last?.role !== 'tool') return undefined;
  return `The tool returned: ${textOf(last.content)}`;
}

/** Arguments for the first tool, filled from its JSON schema with values taken from the request. */
export function defaultToolCalls(body: ChatBody): { name: string; arguments: Record<string, unknown> }[] {
  const tool = body.tools?.[0]?.function;
  if (!tool?.name) return [];
  const args: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(tool.parameters?.properties ?? {})) {
    args[name] = schema.type === 'number' || schema.type === 'integer' ? 42 : schema.type === 'boolean' ? true : lastUserText(body) || name;
  }
  return [{ name: tool.name, arguments: args }];
}

/**
 * Splits text into small deltas of `min` to `min + 4` characters (4 to 8 by default), the same way every time:
 * varied sizes catch clients that assume a fixed delta size, determinism keeps the bytes reproducible.
 */
export function splitText(text: string, size?: number, min = 4): string[] {
  const pieces: string[] = [];
  let i = 0;
  let n = 0;
  while (i < text.length) {
    const len = Math.max(1, size ?? min + (n++ % 5));
    pieces.push(text.slice(i, i + len));
    i += len;
  }
  return pieces;
}

export function newApiError(
  status: number,
  model: string,
  s: { code?: string; message?: string; type?: string },
): { error: { message: string; type: string; param: string; code: string } } {
  const defaults: Record<number, [code: string, message: string]> = {
    400: ['invalid_request', 'invalid request body'],
    401: ['invalid_api_key', 'Invalid token'],
    402: ['insufficient_quota', 'quota not enough'],
    403: ['insufficient_user_quota', 'user quota is not enough'],
    404: ['model_not_found', `The model ${model} does not exist`],
    429: ['rate_limit_exceeded', 'Rate limit reached for requests'],
    500: ['internal_error', 'internal server error'],
    503: ['model_not_found', `No available channel for model ${model} under group default`],
  };
  const [code, message] = defaults[status] ?? ['error', `error ${status}`];
  return {
    error: {
      message: `${s.message ?? message} (request id: 20261123${String(status).padStart(6, '0')})`,
      type: s.type ?? 'new_api_error',
      param: '',
      code: s.code ?? code,
    },
  };
}

export const HTML_ERROR_PAGE = (status: number): string =>
  `<html>\r\n<head><title>${status} ${status === 502 ? 'Bad Gateway' : status === 504 ? 'Gateway Time-out' : 'Error'}</title></head>\r\n<body>\r\n<center><h1>${status} ${status === 502 ? 'Bad Gateway' : 'Error'}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
