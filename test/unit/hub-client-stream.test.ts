// The hub client's streaming against the local hub over real HTTP: every shape of stream hubs send.
import * as assert from 'node:assert/strict';
import { HubClient } from '../../src/core/hub/client';
import { HubError } from '../../src/core/hub/errors';
import type { ChatEvent, ChatRequest } from '../../src/core/hub/types';
import type { Scenario } from '../hub/scenarios';
import { useLocalHubClient } from './localHubClient';

const KEY = 'sk-unit-test-key-123';

describe('HubClient.streamChat', () => {
  const local = useLocalHubClient(KEY);

  const request = (text = 'Hello hub'): ChatRequest => ({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });

  async function stream(
    scenario?: Scenario,
    req = request(),
  ): Promise<{ events: ChatEvent[]; result: Awaited<ReturnType<HubClient['streamChat']>> }> {
    if (scenario) local.hub.enqueue(scenario);
    const events: ChatEvent[] = [];
    const result = await local.client.streamChat(req, { onEvent: (e) => events.push(e) });
    return { events, result };
  }

  it('streams text deltas in order and assembles the reply built from the request', async () => {
    const { events, result } = await stream(undefined, request('What is the answer?'));
    const deltas = events.filter((e) => e.type === 'text');
    assert.ok(deltas.length > 3, 'the reply arrives as several deltas');
    assert.equal(deltas.map((e) => (e as { text: string }).text).join(''), result.text);
    assert.match(result.text, /What is the answer\?/);
    assert.match(result.text, /```ts/);
    assert.equal(result.finishReason, 'stop');
    assert.equal(result.possiblyTruncated, false);
    assert.equal(result.skippedChunks, 0);
  });

  it('sends the key only in the Authorization header, and asks for usage in the stream', async () => {
    await stream(undefined, request('header check'));
    const recorded = local.hub.requests.at(-1)!;
    assert.equal(recorded.headers.authorization, `Bearer ${KEY}`);
    const body = recorded.body as { stream: boolean; stream_options: { include_usage: boolean } };
    assert.equal(body.stream, true);
    assert.equal(body.stream_options.include_usage, true);
    const elsewhere = JSON.stringify({ ...recorded.headers, authorization: undefined }) + JSON.stringify(recorded.body) + recorded.path;
    assert.ok(!elsewhere.includes(KEY), 'the key appears nowhere but the Authorization header');
  });

  it('gives the same text whatever the framing: comments, CRLF, no space after data:', async () => {
    const plain = (await stream({ kind: 'text', text: 'framing test: one two three four five' })).result.text;
    for (const kind of ['ping', 'crlf', 'noSpace'] as const) {
      const { result } = await stream({ kind, text: 'framing test: one two three four five' } as Scenario);
      assert.equal(result.text, plain, `${kind} framing`);
      assert.equal(result.finishReason, 'stop', `${kind} framing`);
    }
  });

  it('takes usage from a last chunk with no choices', async () => {
    const { result, events } = await stream({ kind: 'usageOnlyLast' });
    assert.ok(result.usage, 'usage arrived');
    assert.ok(result.usage.totalTokens > 0);
    assert.equal(result.usage.totalTokens, result.usage.promptTokens + result.usage.completionTokens);
    assert.ok(events.some((e) => e.type === 'usage'));
  });

  it('yields reasoning deltas apart from the text, from either field name', async () => {
    for (const field of ['reasoning_content', 'reasoning'] as const) {
      const { result, events } = await stream({ kind: 'reasoning', field });
      assert.ok(result.reasoning.length > 0, `${field}: reasoning arrived`);
      assert.ok(result.text.length > 0, `${field}: the answer arrived`);
      assert.ok(!result.text.includes(result.reasoning), `${field}: reasoning is not mixed into the answer`);
      assert.ok(events.findIndex((e) => e.type === 'reasoning') < events.findIndex((e) => e.type === 'text'));
    }
  });

  it('counts reasoning once when a delta carries both fields with the same text', async () => {
    const single = (await stream({ kind: 'reasoning', field: 'reasoning_content' })).result.reasoning;
    const both = (await stream({ kind: 'reasoning', both: true })).result.reasoning;
    assert.equal(both, single);
  });

  it('assembles several tool calls whose arguments are split over many chunks', async () => {
    const calls = [
      { name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius', days: [1, 2, 3] } },
      { name: 'search_docs', arguments: { query: 'streaming "tool" calls', limit: 5 } },
    ];
    const { result, events } = await stream({ kind: 'toolCall', calls });
    assert.ok(events.filter((e) => e.type === 'toolCallDelta').length > 6, 'arguments came in many pieces');
    assert.equal(result.finishReason, 'tool_calls');
    assert.deepEqual(
      result.toolCalls.map((c) => ({ name: c.name, arguments: JSON.parse(c.arguments) })),
      calls,
    );
    assert.ok(result.toolCalls.every((c) => c.id.length > 0));
    assert.notEqual(result.toolCalls[0].id, result.toolCalls[1].id);
  });

  it('tolerates tool-call deltas without an index', async () => {
    const calls = [{ name: 'lookup', arguments: { id: 42, tags: ['a', 'b'] } }];
    const { result } = await stream({ kind: 'toolCall', calls, shape: 'noIndex' });
    assert.equal(result.toolCalls.length, 1);
    assert.equal(result.toolCalls[0].name, 'lookup');
    assert.deepEqual(JSON.parse(result.toolCalls[0].arguments), calls[0].arguments);
  });

  it('reports a reply that ended with [DONE] but no finish reason as possibly cut short, keeping its text', async () => {
    const { result } = await stream({ kind: 'truncated' });
    assert.equal(result.possiblyTruncated, true);
    assert.equal(result.finishReason, undefined);
    assert.ok(result.text.length > 0);
    assert.ok(result.usage, 'the usage chunk new-api sends at the end is kept');
  });

  it('fails a body that ends before any finish reason, keeping the text so far', async () => {
    await assert.rejects(stream({ kind: 'endsEarly', afterChunks: 4 }), (err: HubError) => {
      assert.equal(err.kind, 'brokenStream');
      assert.ok(err.partial && err.partial.text.length > 0, 'partial text kept');
      assert.match(err.message, /closed before the reply was finished/);
      return true;
    });
  });

  it('fails a connection dropped mid-stream, keeping the text so far', async () => {
    await assert.rejects(stream({ kind: 'disconnect', afterChunks: 5 }), (err: HubError) => {
      assert.ok(err instanceof HubError);
      assert.ok(['brokenStream', 'network'].includes(err.kind), err.kind);
      assert.ok(err.partial && err.partial.text.length > 0);
      return true;
    });
  });

  it('turns an error object inside a 200 stream into an error, keeping the text so far', async () => {
    await assert.rejects(stream({ kind: 'midStreamError', afterChunks: 3 }), (err: HubError) => {
      assert.equal(err.kind, 'brokenStream');
      assert.match(err.message, /upstream error/);
      assert.equal(err.code, 'bad_response');
      assert.ok(err.partial && err.partial.text.length > 0);
      return true;
    });
  });

  it('skips a malformed chunk, counts it and still finishes the reply', async () => {
    const warnings: string[] = [];
    const logged = new HubClient({
      baseUrl: local.hub.url,
      getApiKey: () => KEY,
      maxRetries: 0,
      logger: { trace() {}, debug() {}, info() {}, warn: (m) => warnings.push(m), error() {} },
    });
    local.hub.enqueue({ kind: 'malformed', afterChunks: 2 });
    const result = await logged.streamChat(request());
    assert.equal(result.skippedChunks, 1);
    assert.equal(result.finishReason, 'stop');
    assert.ok(
      warnings.some((w) => /not JSON/.test(w)),
      'the skip is logged, not silent',
    );
  });

  it('stops a huge reply at the configured limit with a clear error, keeping what came', async () => {
    const small = new HubClient({ baseUrl: local.hub.url, getApiKey: () => KEY, maxRetries: 0, maxReplyChars: 100_000 });
    local.hub.enqueue({ kind: 'huge', bytes: 2_000_000 });
    await assert.rejects(small.streamChat(request()), (err: HubError) => {
      assert.equal(err.kind, 'tooLarge');
      assert.ok(err.partial && err.partial.text.length >= 100_000);
      return true;
    });
  });

  it('streams a huge reply whole when it is within the limit', async () => {
    const { result } = await stream({ kind: 'huge', bytes: 3_000_000 });
    assert.ok(result.text.length >= 3_000_000);
    assert.equal(result.finishReason, 'stop');
  });

  it('accepts a hub that ignores stream:true and answers with one JSON completion', async () => {
    const { events, result } = await stream({ kind: 'jsonForStream' }, request('plain please'));
    assert.match(result.text, /plain please/);
    assert.equal(result.finishReason, 'stop');
    // A listener sees the same events whichever way the reply came.
    assert.equal(
      events
        .filter((e) => e.type === 'text')
        .map((e) => (e as { text: string }).text)
        .join(''),
      result.text,
    );
    assert.ok(events.some((e) => e.type === 'usage'));
  });

  it('validates leniently: unknown fields pass, a choice without a delta and nulls where OpenAI omits are fine', async () => {
    const body = [
      {
        id: 'x',
        object: 'chat.completion.chunk',
        provider: 'some-upstream',
        choices: [{ index: 0, logprobs: null, delta: { role: 'assistant', content: 'Hel', refusal: null } }],
      },
      { choices: [{ index: 0 }] },
      { choices: [{ index: 0, delta: { content: 'lo', tool_calls: null, reasoning_content: null } }], usage: null },
      { choices: [{ index: 0, delta: {}, finish_reason: 'stop', native_finish_reason: 'end_turn' }] },
    ]
      .map((c) => `data: ${JSON.stringify(c)}\n\n`)
      .join('');
    const { result } = await stream({ kind: 'raw', body: `${body}data: [DONE]\n\n` });
    assert.equal(result.text, 'Hello');
    assert.equal(result.finishReason, 'stop');
    assert.equal(result.skippedChunks, 0);
  });

  it('skips (and counts) a chunk whose fields have the wrong types instead of guessing', async () => {
    const body = [
      { choices: [{ delta: { content: 'ok' } }] },
      { choices: [{ delta: { content: 42 } }] },
      { choices: [{ delta: {}, finish_reason: 'stop' }] },
    ]
      .map((c) => `data: ${JSON.stringify(c)}\n\n`)
      .join('');
    const { result } = await stream({ kind: 'raw', body: `${body}data: [DONE]\n\n` });
    assert.equal(result.text, 'ok');
    assert.equal(result.skippedChunks, 1);
  });
  it('after [DONE] reads on to the end of the body, leaving the connection open for the next request', async () => {
    const { result } = await stream({ kind: 'lingers', ms: 50 });
    assert.equal(result.finishReason, 'stop');
    // Cancelling at [DONE] closed the connection whenever the hub had not ended the body yet: it never finished.
    const first = await local.hub.waitForRequest((r) => r.scenario === 'lingers' && r.finished, 5_000);
    assert.equal(first.clientClosed, false);
  });

  it('resolves at [DONE] even when the hub keeps the body open, and then closes that connection', async () => {
    const { result } = await stream({ kind: 'lingers' });
    assert.equal(result.finishReason, 'stop');
    assert.match(result.text, /Echo/);
    await local.hub.waitForClientClose(local.hub.requests.at(-1)!.id, 5_000);
  });
});
