// What gateways and servers in front of (or instead of) a hub really send where OpenAI's API leaves room: error
// bodies, errors inside a 200 stream, stream endings, tool-call pieces and reasoning tags in the content. Each
// member was found in that software's own code or issues (named beside it); the local hub replays them on request.
import { HTML_ERROR_PAGE } from './scenarios';

/** Error bodies in place of a reply, by who sends them. */
export const ERROR_BODIES = {
  /** Portkey gateway (streamHandler.handleTextResponse): an upstream's non-JSON page wrapped as `html-message`. */
  portkeyHtmlMessage: { status: 502, body: JSON.stringify({ 'html-message': HTML_ERROR_PAGE(502) }) },
  /** Portkey with providers whose transform copies `html-message` into `error.message` behind `<provider> error: `. */
  portkeyHtmlInMessage: {
    status: 502,
    body: JSON.stringify({
      error: { message: `krutrim error: ${HTML_ERROR_PAGE(502)}`, type: null, param: null, code: null },
      provider: 'krutrim',
    }),
  },
  /** Portkey (utils.generateErrorResponse): the upstream's message prefixed with `<provider> error: `. */
  portkeyPrefixed: {
    status: 401,
    body: JSON.stringify({
      error: { message: 'openai error: Incorrect API key provided', type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
      provider: 'openai',
    }),
  },
  /** Portkey's own failures (index.ts, handlerUtils): `{status: "failure", message}`. */
  portkeyFailure: {
    status: 400,
    body: JSON.stringify({ status: 'failure', message: 'Either x-portkey-config or x-portkey-provider header is required' }),
  },
  /**
   * LiteLLM proxy: the exception chain, the upstream's body as a Python dict, and the router's notes
   * (`Received Model Group=…`), all in one message.
   */
  litellmChain: {
    status: 400,
    body: JSON.stringify({
      error: {
        message:
          "litellm.BadRequestError: OpenAIException - Error code: 400 - {'error': {'message': \"This model's maximum context length is 8192 tokens. However, your messages resulted in 9100 tokens.\", 'type': 'invalid_request_error', 'param': 'messages', 'code': 'context_length_exceeded'}}\nReceived Model Group=gpt-4\nAvailable Model Group Fallbacks=None",
        type: null,
        param: null,
        code: '400',
      },
    }),
  },
  /** OpenRouter: "Provider returned error", the upstream's own body as a JSON string in `metadata.raw`. */
  openRouterRaw: {
    status: 400,
    body: JSON.stringify({
      error: {
        code: 400,
        message: 'Provider returned error',
        metadata: {
          raw: JSON.stringify({ error: { message: "Unsupported parameter: 'temperature' is not supported with this model." } }),
          provider_name: 'OpenAI',
        },
      },
    }),
  },
  /** Older vLLM and FastChat: the error object at the top level. */
  vllmTopLevel: {
    status: 400,
    body: JSON.stringify({
      object: 'error',
      message: "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens.",
      type: 'BadRequestError',
      param: null,
      code: 400,
    }),
  },
  /** FastAPI request validation (vLLM, SGLang, LiteLLM before their own handlers): `detail` as a list. */
  fastApiDetail: {
    status: 422,
    body: JSON.stringify({ detail: [{ type: 'missing', loc: ['body', 'messages'], msg: 'Field required', input: {} }] }),
  },
  /** Cloudflare AI Gateway and Workers AI: `{success: false, errors: [{code, message}]}`. */
  cloudflareErrors: {
    status: 400,
    body: JSON.stringify({
      success: false,
      errors: [{ code: 2009, message: 'Unauthorized: the gateway refused the request' }],
      result: {},
    }),
  },
  /** Google's OpenAI-compatible endpoint: an array around the error. */
  geminiArray: {
    status: 400,
    body: JSON.stringify([
      { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT' } },
    ]),
  },
  /** Anthropic-compatible proxies: `{type: "error", error: {type, message}}`. */
  anthropic: {
    status: 400,
    body: JSON.stringify({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'prompt is too long: 210000 tokens > 200000 maximum' },
    }),
  },
  /** A 400 that is not about the context: no advice about context limits. */
  unsupportedParameter: {
    status: 400,
    body: JSON.stringify({
      error: {
        message: "Unsupported value: 'reasoning_effort' does not support 'minimal' with this model.",
        type: 'invalid_request_error',
        param: 'reasoning_effort',
        code: 'unsupported_value',
      },
    }),
  },
  /** A gateway relaying the upstream's whole JSON body as its message text. */
  jsonInMessage: {
    status: 502,
    body: JSON.stringify({
      error: { message: JSON.stringify({ error: { message: 'upstream overloaded, try later' } }), type: 'upstream_error' },
    }),
  },
} satisfies Record<string, { status: number; body: string }>;
export type ErrorBodyShape = keyof typeof ERROR_BODIES;

/** Errors inside a 200 stream: the frames that carry them, after some text has arrived. */
export const STREAM_ERRORS = {
  /** OpenAI and openai-node's rule: a data event with an `error` member (new-api relays upstream failures so). */
  openai: `data: ${JSON.stringify({ error: { message: 'upstream error', type: 'upstream_error', code: 'bad_response' } })}\n\n`,
  /** new-api's relay terminal guard (relay_terminal_guard.go): an error chunk with `choices: []`, then [DONE]. */
  newApiRelay: `data: ${JSON.stringify({
    id: 'relay-error-scanner_error',
    object: 'chat.completion.chunk',
    choices: [],
    error: {
      message: 'stream relay failure: scanner_error: read tcp: connection reset by peer',
      type: 'relay_stream_error',
      code: 'upstream_stream_failure_scanner_error',
      param: null,
    },
  })}\n\ndata: [DONE]\n\n`,
  /** OpenRouter (docs, "errors during streaming"): an error member and a choice with `finish_reason: "error"`. */
  openRouter: `data: ${JSON.stringify({
    id: 'gen-1',
    object: 'chat.completion.chunk',
    created: 1_763_856_000,
    model: 'anthropic/claude-sonnet-4',
    provider: 'Anthropic',
    error: { code: 'server_error', message: 'Provider disconnected unexpectedly' },
    choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
  })}\n\n`,
  /** vLLM (serving.create_streaming_error_response): `{error: {message, type, param, code}}`, then [DONE]. */
  vllm: `data: ${JSON.stringify({ error: { message: 'The engine died unexpectedly.', type: 'InternalServerError', param: null, code: 500 } })}\n\ndata: [DONE]\n\n`,
  /** SGLang (and older vLLM): the error object keeps `object: "error"` inside `error`. */
  sglang: `data: ${JSON.stringify({ error: { object: 'error', message: 'Generation aborted: KV cache transfer failed.', type: 'TransferFailed', param: null, code: 500 } })}\n\n`,
  /** SGLang's graceful abort and vLLM's `abort`: a finish reason only, no words. */
  abortFinish: `data: ${JSON.stringify({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'abort' }] })}\n\ndata: [DONE]\n\n`,
  /** LiteLLM proxy (async_data_generator): the exception chain as the message, the code as a string. */
  litellm: `data: ${JSON.stringify({
    error: {
      message:
        'litellm.RateLimitError: RateLimitError: OpenAIException - Rate limit reached for gpt-4o on tokens per min.\nReceived Model Group=gpt-4o\nAvailable Model Group Fallbacks=None',
      type: 'None',
      param: 'None',
      code: '429',
    },
  })}\n\n`,
  /** Anthropic-compatible proxies: a named `error` event with Anthropic's body. */
  anthropicEvent: `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })}\n\n`,
  /** A named `error` event with plain text, as hand-written proxies send. */
  eventText: 'event: error\ndata: upstream timed out after 60 s\n\n',
  /** Older vLLM and FastChat: the error object at the top level of the event. */
  topLevelObject: `data: ${JSON.stringify({ object: 'error', message: 'Request was aborted by the scheduler.', type: 'BadRequestError', code: 400 })}\n\n`,
  /** Ollama and small proxies: `{error: "text"}`. */
  stringError: `data: ${JSON.stringify({ error: 'model runner has unexpectedly stopped' })}\n\n`,
} satisfies Record<string, string>;
export type StreamErrorShape = keyof typeof STREAM_ERRORS;

/** How a stream may end without the blank line after its last event (every other ending has its own scenario). */
export type OpenEnding =
  /** `data: [DONE]\n`: one newline, no blank line (Go and hand-written proxies). */
  | 'doneNoBlankLine'
  /** `data: [DONE]` and the body ends. */
  | 'doneNoNewline'
  /** No [DONE]: the finish chunk is the last thing, without any newline. */
  | 'finishNoNewline'
  /** The finish chunk ends in a lone CR (old Mac line ends, allowed by the SSE spec). */
  | 'finishCarriageReturn';

/** The last frames of a finished reply (`finishFrames`: the finish and usage chunks), ended the given way. */
export function openEnding(ending: OpenEnding, finishFrame: string, doneFrame: string): string {
  const bare = (frame: string) => frame.replace(/(\r?\n)+$/, '');
  switch (ending) {
    case 'doneNoBlankLine':
      return `${finishFrame}${bare(doneFrame)}\n`;
    case 'doneNoNewline':
      return `${finishFrame}${bare(doneFrame)}`;
    case 'finishNoNewline':
      return bare(finishFrame);
    case 'finishCarriageReturn':
      return `${bare(finishFrame)}\r`;
  }
}

/**
 * How tool calls come in pieces. `openai`: index on every piece, id and name once, parallel calls interleaved.
 * - `allIndexZero`: every call at index 0 with a new id and the whole call in one piece (new-api#2701, Gemini).
 * - `noIndex`: no index anywhere; id and name on the first piece only (Cloudflare Workers AI, Kimi; pxpipe#264).
 * - `idPerPiece`: a new id minted for every piece of the same call (mlx-openai-server#216).
 * - `duplicateIndex`: the name piece and the first argument piece as two entries with the same index in one
 *   chunk (vLLM with speculative decoding, openai-python#3201).
 */
export type ToolCallShape = 'openai' | 'allIndexZero' | 'noIndex' | 'idPerPiece' | 'duplicateIndex';

/** Reasoning tags models write in `content` when no reasoning parser splits them out (vLLM's parsers list these). */
export const THINK_TAGS = {
  think: ['<think>', '</think>'],
  thinking: ['<thinking>', '</thinking>'],
  seed: ['<seed:think>', '</seed:think>'],
  mistral: ['[THINK]', '[/THINK]'],
  kimi: ['◁think▷', '◁/think▷'],
} as const;
export type ThinkTag = keyof typeof THINK_TAGS;

/** What the model "thinks" in the reasoning scenarios. */
export const THOUGHT = 'Let me think about this step by step. The user wants an answer, so I will give one.';
