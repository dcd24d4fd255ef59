// What a reply says about money and support: the model that served it, the hub's request id, cached and
// reasoning tokens and OpenRouter's `usage.cost`, read from the local hub over real HTTP.
import * as assert from 'node:assert/strict';
import { HubError } from '../../src/core/hub/errors';
import { useLocalHubClient } from './localHubClient';

const KEY = 'sk-unit-money-fields-1';

describe('HubClient: served model, request id and cost', () => {
  const local = useLocalHubClient(KEY);
  afterEach(() => local.hub.setMoney({ flavour: 'newapi', account: 'normal' }));

  const ask = (model: string) => ({ model, messages: [{ role: 'user' as const, content: 'hi' }] });

  it('names the model that answered and the hub request id, streamed and whole', async () => {
    const streamed = await local.client.streamChat(ask('codestral-latest'));
    assert.equal(streamed.servedModel, 'codestral-2508');
    assert.match(streamed.requestId ?? '', /^20261201\d{8}$/, 'from X-Oneapi-Request-Id');
    const whole = await local.client.complete(ask('gpt-4o-mini'));
    assert.equal(whole.servedModel, 'gpt-4o-mini');
    assert.match(whole.requestId ?? '', /^20261201/);
  });

  it("reads OpenRouter's usage.cost and cached / reasoning token details", async () => {
    local.hub.setMoney({ flavour: 'openrouter' });
    const result = await local.client.streamChat(ask('gpt-4o'));
    assert.ok(result.usage?.cost !== undefined && result.usage.cost > 0, `cost ${result.usage?.cost}`);
    local.hub.enqueue({
      kind: 'raw',
      body:
        'data: {"id":"gen-1","model":"m","choices":[{"index":0,"delta":{"content":"x"},"finish_reason":"stop"}],' +
        '"usage":{"prompt_tokens":100,"completion_tokens":50,"total_tokens":150,"cost":"free?","prompt_tokens_details":{"cached_tokens":80},"completion_tokens_details":{"reasoning_tokens":30}}}\n\ndata: [DONE]\n\n',
    });
    const detailed = await local.client.streamChat(ask('m'));
    assert.deepEqual(detailed.usage, { promptTokens: 100, completionTokens: 50, totalTokens: 150, cachedTokens: 80, reasoningTokens: 30 });
    assert.equal(detailed.text, 'x', 'a cost that is not a number is dropped, the chunk kept');
  });

  it('puts the request id on errors, and reads 429 "insufficient quota" as a quota error', async () => {
    local.hub.enqueue({ kind: 'status', status: 402 });
    const quota = await failure(local.client.streamChat(ask('gpt-4o')));
    assert.equal(quota.kind, 'quota');
    assert.match(quota.requestId ?? '', /^20261201/);
    local.hub.enqueue({ kind: 'status', status: 429, code: 'insufficient_quota', message: 'You exceeded your current quota' });
    const exceeded = await failure(local.client.streamChat(ask('gpt-4o')));
    assert.equal(exceeded.kind, 'quota');
  });
});

async function failure(promise: Promise<unknown>): Promise<HubError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof HubError);
    return err;
  }
  throw new Error('expected the request to fail');
}
