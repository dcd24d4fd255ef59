// Failures as gateways and servers really send them (issue 14, items 3 and 5), against the local hub over HTTP:
// the person sees the hub's own words, never JSON or markup, and a failed stream keeps what arrived.
//
// What was found, and where (the bodies and frames themselves are in test/hub/shapes.ts):
// | member                      | source                                                              |
// |-----------------------------|---------------------------------------------------------------------|
// | html-message                | Portkey streamHandler.handleTextResponse (upstream HTML as JSON)     |
// | "<provider> error: " prefix | Portkey providers/utils.generateErrorResponse                        |
// | status: failure             | Portkey index.ts / handlerUtils (gateway's own failures)             |
// | exception chain + dict      | LiteLLM proxy (litellm.XError: YException - Error code - {...})      |
// | metadata.raw                | OpenRouter errors docs ("Provider returned error")                    |
// | object: error               | older vLLM, FastChat; FastAPI detail list: vLLM/SGLang validation    |
// | errors[]                    | Cloudflare AI Gateway; [ {error} ]: Google's OpenAI endpoint          |
// | type: error                 | Anthropic-compatible proxies (also as `event: error` in streams)      |
// | stream error member         | openai-node Stream (data.error, event: error), Vercel AI SDK          |
// | choices: [] + error         | new-api relay_terminal_guard.go (then [DONE])                         |
// | finish_reason error         | OpenRouter streaming docs; vLLM GenerationError; abort: SGLang, vLLM |
import * as assert from 'node:assert/strict';
import { readErrorBody } from '../../src/core/hub/errorWords';
import { HubError } from '../../src/core/hub/errors';
import type { ChatEvent, ChatRequest } from '../../src/core/hub/types';
import { ERROR_BODIES, type ErrorBodyShape, type StreamErrorShape } from '../hub/shapes';
import { useLocalHubClient } from './localHubClient';

const KEY = 'sk-unit-gateway-key';
const NO_MARKUP = /[{}<>]|\\"/;

describe('gateway error bodies and errors inside streams', () => {
  const local = useLocalHubClient(KEY);
  const request = (): ChatRequest => ({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Tell me something long' }] });

  async function failure(promise: Promise<unknown>): Promise<HubError> {
    try {
      await promise;
    } catch (err) {
      assert.ok(err instanceof HubError, `a HubError, not ${String(err)}`);
      return err;
    }
    assert.fail('expected the request to fail');
  }

  describe('error bodies (item 3)', () => {
    const words: Record<ErrorBodyShape, { says: string; context?: boolean; code?: string }> = {
      portkeyHtmlMessage: { says: '502 Bad Gateway' },
      portkeyHtmlInMessage: { says: '502 Bad Gateway' },
      portkeyPrefixed: { says: 'Incorrect API key provided', code: 'invalid_api_key' },
      portkeyFailure: { says: 'Either x-portkey-config or x-portkey-provider header is required' },
      litellmChain: {
        says: "This model's maximum context length is 8192 tokens. However, your messages resulted in 9100 tokens.",
        context: true,
        code: '400',
      },
      openRouterRaw: { says: "Provider returned error: Unsupported parameter: 'temperature' is not supported with this model." },
      vllmTopLevel: { says: "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens.", context: true },
      fastApiDetail: { says: 'Field required' },
      cloudflareErrors: { says: 'Unauthorized: the gateway refused the request' },
      geminiArray: { says: 'API key not valid. Please pass a valid API key.', code: '400' },
      anthropic: { says: 'prompt is too long: 210000 tokens > 200000 maximum', context: true, code: 'invalid_request_error' },
      unsupportedParameter: { says: "Unsupported value: 'reasoning_effort' does not support 'minimal' with this model." },
      jsonInMessage: { says: 'upstream overloaded, try later' },
    };
    for (const [shape, expected] of Object.entries(words) as [ErrorBodyShape, (typeof words)[ErrorBodyShape]][]) {
      it(`${shape}: the hub's words, without JSON or markup`, async () => {
        local.hub.enqueue({ kind: 'errorBody', shape });
        const err = await failure(local.client.streamChat(request()));
        assert.equal(err.status, ERROR_BODIES[shape].status);
        assert.equal(err.hubMessage, expected.says);
        if (expected.code) assert.equal(err.code, expected.code);
        assert.ok(err.message.includes(expected.says), err.message);
        assert.doesNotMatch(err.message.replace(expected.says, ''), NO_MARKUP, err.message);
      });
    }

    it("puts a 400's own words first, and gives context advice only when the words are about the context", async () => {
      for (const [shape, expected] of Object.entries(words) as [ErrorBodyShape, (typeof words)[ErrorBodyShape]][]) {
        if (ERROR_BODIES[shape].status !== 400) continue;
        local.hub.enqueue({ kind: 'errorBody', shape });
        const err = await failure(local.client.streamChat(request()));
        if (err.kind !== 'badRequest') continue;
        assert.ok(err.message.startsWith(expected.says), `${shape}: ${err.message}`);
        assert.equal(/longer context/.test(err.message), !!expected.context, `${shape}: ${err.message}`);
      }
    });

    it('reads the same words from a body given as text (pure)', () => {
      assert.deepEqual(readErrorBody(ERROR_BODIES.portkeyFailure.body), {
        text: 'Either x-portkey-config or x-portkey-provider header is required',
      });
      assert.deepEqual(readErrorBody('{"foo": 1}'), {}, 'a JSON body without words says nothing rather than showing JSON');
      const inMessage = (message: string) => readErrorBody(JSON.stringify({ error: { message } })).text;
      assert.equal(inMessage('openai error: {"id":"x"}'), 'openai error', 'a prefix before a body without words is all there is');
      assert.equal(inMessage('Invalid response received from openai: {"id":"x","choices":[]}'), 'Invalid response received from openai');
      assert.equal(inMessage('litellm.APIError: APIError: OpenAIException - Connection error.'), 'Connection error.');
      assert.equal(inMessage('{"a":1}'), undefined);
      assert.deepEqual(readErrorBody('upstream connect error or disconnect/reset before headers'), {
        text: 'upstream connect error or disconnect/reset before headers',
      });
    });

    it('never calls a stream cut after text arrived "could not reach the hub"', async () => {
      for (const afterChunks of [1, 6]) {
        local.hub.enqueue({ kind: 'disconnect', afterChunks });
        const err = await failure(local.client.streamChat(request()));
        assert.equal(err.kind, 'brokenStream');
        assert.doesNotMatch(err.message, /could not reach|base ?url/i);
        assert.match(err.message, /closed before the reply was finished \(after \d+ characters\)/);
        assert.ok(err.partial && err.partial.text.length > 0);
      }
    });
  });

  describe('errors inside a 200 stream (item 5)', () => {
    const words: Record<StreamErrorShape, { says?: RegExp; code?: string }> = {
      openai: { says: /: upstream error \(bad_response\)/, code: 'bad_response' },
      newApiRelay: {
        says: /stream relay failure: scanner_error: read tcp: connection reset by peer/,
        code: 'upstream_stream_failure_scanner_error',
      },
      openRouter: { says: /: Provider disconnected unexpectedly \(server_error\)/, code: 'server_error' },
      vllm: { says: /: The engine died unexpectedly\. \(500\)/, code: '500' },
      sglang: { says: /: Generation aborted: KV cache transfer failed\./, code: '500' },
      abortFinish: { says: /\(finish reason "abort"\)/ },
      litellm: { says: /: Rate limit reached for gpt-4o on tokens per min \(429\)/, code: '429' },
      anthropicEvent: { says: /: Overloaded \(overloaded_error\)/, code: 'overloaded_error' },
      eventText: { says: /: upstream timed out after 60 s/ },
      topLevelObject: { says: /: Request was aborted by the scheduler\./ },
      stringError: { says: /: model runner has unexpectedly stopped/ },
    };
    for (const [shape, expected] of Object.entries(words) as [StreamErrorShape, (typeof words)[StreamErrorShape]][]) {
      it(`${shape}: rejects with the server's words and keeps the text that arrived`, async () => {
        local.hub.enqueue({ kind: 'streamError', shape, afterChunks: 3 });
        const events: ChatEvent[] = [];
        const err = await failure(local.client.streamChat(request(), { onEvent: (e) => events.push(e) }));
        assert.equal(err.kind, 'brokenStream');
        if (expected.says) assert.match(err.message, expected.says);
        assert.match(err.message, /in the middle of the reply.*What arrived is kept/);
        assert.doesNotMatch(err.message, NO_MARKUP);
        if (expected.code) assert.equal(err.code, expected.code);
        const streamed = events.flatMap((e) => (e.type === 'text' ? [e.text] : [])).join('');
        assert.ok(streamed.length > 0, 'text arrived before the error');
        assert.equal(err.partial?.text, streamed);
        assert.ok(!events.some((e) => e.type === 'finish'), 'no finish is reported for a failed reply');
      });
    }

    it('says "answered with an error" when the error comes before any text', async () => {
      local.hub.enqueue({ kind: 'streamError', shape: 'anthropicEvent', afterChunks: 0 });
      const err = await failure(local.client.streamChat(request()));
      assert.match(err.message, /^The hub answered with an error: Overloaded/);
    });

    it('keeps today\'s rule for a chunk with "error": null on every chunk: it is an ordinary chunk', async () => {
      const frame = (delta: object, finish: string | null = null) =>
        `data: ${JSON.stringify({ choices: [{ index: 0, delta, finish_reason: finish }], error: null })}\n\n`;
      local.hub.enqueue({ kind: 'raw', body: `${frame({ content: 'fine' })}${frame({}, 'stop')}data: [DONE]\n\n` });
      const result = await local.client.streamChat(request());
      assert.equal(result.text, 'fine');
      assert.equal(result.skippedChunks, 0);
    });
  });
});
