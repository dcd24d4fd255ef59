// The usage meter around real streamed replies from the local hub over HTTP: one record per reply however it
// ends, the reply itself untouched, and a failing writer never breaks a reply.
import * as assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { isHubError } from '../../src/core/hub/errors';
import type { ChatEvent } from '../../src/core/hub/types';
import { meterStream } from '../../src/core/usage/meter';
import { usageRecordSchema, type UsageRecord } from '../../src/core/usage/record';
import { useLocalHubClient } from './localHubClient';

describe('usage meter', () => {
  const local = useLocalHubClient();

  function metered(extra: Partial<Parameters<typeof meterStream>[1]> = {}) {
    const records: UsageRecord[] = [];
    const m = meterStream(local.client, { surface: 'chat', hub: local.hub.url, write: (r) => records.push(r), ...extra });
    return { client: m, records };
  }

  it('records a finished reply: model, tokens, times, outcome, and nothing of the text', async () => {
    const { client: m, records } = metered();
    const events: ChatEvent[] = [];
    const secret = 'the secret question 7f3a';
    const result = await m.streamChat(
      { model: 'gpt-4o-mini', messages: [{ role: 'user', content: secret }] },
      { onEvent: (e) => events.push(e) },
    );
    assert.match(result.text, /secret question/);
    assert.ok(
      events.some((e) => e.type === 'text'),
      'the caller still gets every event',
    );
    assert.equal(records.length, 1);
    const [r] = records;
    assert.ok(z.safeParse(usageRecordSchema, r).success);
    assert.equal(r!.model, 'gpt-4o-mini');
    assert.equal(r!.hub, local.hub.url);
    assert.equal(r!.surface, 'chat');
    assert.equal(r!.outcome, 'done');
    assert.equal(r!.inputTokens, result.usage!.promptTokens);
    assert.equal(r!.outputTokens, result.usage!.completionTokens);
    assert.equal(r!.cost, null, 'no prices: the cost is unknown, not zero');
    assert.ok(r!.firstTokenMs !== null && r!.firstTokenMs <= r!.durationMs);
    assert.ok(Math.abs(Date.parse(r!.time) - Date.now()) < 60_000);
    assert.ok(!JSON.stringify(r).includes('secret'), 'no content in the record');
  });

  it('records the model that answered and the cached and reasoning tokens the hub reported', async () => {
    const frames = [
      { id: 'c1', object: 'chat.completion.chunk', model: 'gpt-4o-2024-11-20', choices: [{ index: 0, delta: { content: 'Hi' } }] },
      { id: 'c1', object: 'chat.completion.chunk', model: 'gpt-4o-2024-11-20', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
      {
        id: 'c1',
        object: 'chat.completion.chunk',
        model: 'gpt-4o-2024-11-20',
        choices: [],
        usage: {
          prompt_tokens: 1200,
          completion_tokens: 300,
          total_tokens: 1500,
          prompt_tokens_details: { cached_tokens: 1024 },
          completion_tokens_details: { reasoning_tokens: 256 },
        },
      },
    ];
    local.hub.enqueue({ kind: 'raw', body: frames.map((f) => `data: ${JSON.stringify(f)}\n\n`).join('') + 'data: [DONE]\n\n' });
    const { client: m, records } = metered();
    await m.streamChat({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    assert.equal(records[0]!.servedModel, 'gpt-4o-2024-11-20');
    assert.equal(records[0]!.cachedTokens, 1024);
    assert.equal(records[0]!.reasoningTokens, 256);
  });

  it('leaves cached and reasoning tokens unknown, not zero, when the hub does not report them', async () => {
    const { client: m, records } = metered();
    await m.streamChat({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    assert.equal(records[0]!.cachedTokens, null);
    assert.equal(records[0]!.reasoningTokens, null);
    assert.equal(records[0]!.servedModel, 'gpt-4o-mini');
  });

  it('records an error with its kind and rethrows it unchanged', async () => {
    local.hub.enqueue({ kind: 'status', status: 402, code: 'insufficient_user_quota', message: 'quota exhausted' });
    const { client: m, records } = metered();
    await assert.rejects(
      m.streamChat({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
      (err) => isHubError(err) && err.kind === 'quota',
    );
    assert.equal(records[0]!.outcome, 'error');
    assert.equal(records[0]!.errorKind, 'quota');
    assert.equal(records[0]!.firstTokenMs, null);
    assert.equal(records[0]!.inputTokens, null);
  });

  it('records a stopped reply as stopped, with the time to its first token', async () => {
    local.hub.enqueue({ kind: 'stall', afterChunks: 3, ms: 5_000 });
    const { client: m, records } = metered();
    const abort = new AbortController();
    await assert.rejects(
      m.streamChat(
        { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] },
        { signal: abort.signal, onEvent: (e) => e.type === 'text' && abort.abort() },
      ),
      (err) => isHubError(err) && err.kind === 'cancelled',
    );
    assert.equal(records[0]!.outcome, 'stopped');
    assert.equal(records[0]!.errorKind, null);
    assert.notEqual(records[0]!.firstTokenMs, null);
  });

  it('takes the cost from the price lookup, and a failing writer never breaks the reply', async () => {
    const errors: unknown[] = [];
    const m = meterStream(local.client, {
      surface: 'lm',
      hub: local.hub.url,
      costOf: ({ usage }) => ({ cost: (usage?.completionTokens ?? 0) * 0.001, currency: 'USD' }),
      write: () => {
        throw new Error('disk full');
      },
      onWriteError: (err) => errors.push(err),
    });
    const result = await m.streamChat({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    assert.ok(result.text.length > 0);
    assert.equal(errors.length, 1);

    const { client: priced, records } = metered({ costOf: () => ({ cost: 0.25, currency: 'USD' }) });
    await priced.streamChat({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    assert.equal(records[0]!.cost, 0.25);
    assert.equal(records[0]!.currency, 'USD');
  });
});
