// One chat reply streamed from the local hub over real HTTP: done, stopped and failed replies keep their text.
import * as assert from 'node:assert/strict';
import type { AssistantTurn } from '../../src/core/chat/conversation';
import { streamReply } from '../../src/core/chat/streamReply';
import { useLocalHubClient } from './localHubClient';

describe('streamReply', () => {
  const local = useLocalHubClient();

  const turn = (): AssistantTurn => ({ id: 'a', role: 'assistant', model: 'gpt-4o-mini', text: '', status: 'streaming', createdAt: 0 });

  it('fills the turn as deltas arrive and ends done with usage', async () => {
    const t = turn();
    let fromDeltas = '';
    await streamReply({
      client: local.client,
      turn: t,
      messages: [{ role: 'user', content: 'Explain closures' }],
      signal: new AbortController().signal,
      onDelta: (d) => (fromDeltas += d.text),
    });
    assert.equal(t.status, 'done');
    assert.match(t.text, /Explain closures/);
    assert.equal(fromDeltas, t.text);
    assert.ok(t.usage && t.usage.completionTokens > 0, 'usage recorded');
  });

  it('keeps the reasoning apart from the answer', async () => {
    local.hub.enqueue({ kind: 'reasoning' });
    const t = turn();
    await streamReply({
      client: local.client,
      turn: t,
      messages: [{ role: 'user', content: 'think' }],
      signal: new AbortController().signal,
      onDelta: () => undefined,
    });
    assert.equal(t.status, 'done');
    assert.ok(t.reasoning && t.reasoning.length > 0);
    assert.ok(t.text.length > 0);
  });

  it('stops on abort, keeping what arrived, marked stopped', async () => {
    local.hub.enqueue({ kind: 'stall', afterChunks: 3, ms: 10_000 });
    const t = turn();
    const abort = new AbortController();
    await streamReply({
      client: local.client,
      turn: t,
      messages: [{ role: 'user', content: 'a long answer please' }],
      signal: abort.signal,
      onDelta: () => {
        if (t.text.length > 0) setImmediate(() => abort.abort());
      },
    });
    assert.equal(t.status, 'stopped');
    assert.ok(t.text.length > 0, 'the partial reply is kept');
    assert.equal(t.error, undefined);
  });

  it("fails with the hub's actionable message and keeps the partial reply", async () => {
    local.hub.enqueue({ kind: 'midStreamError', afterChunks: 3 });
    const t = turn();
    await streamReply({
      client: local.client,
      turn: t,
      messages: [{ role: 'user', content: 'hello' }],
      signal: new AbortController().signal,
      onDelta: () => undefined,
    });
    assert.equal(t.status, 'error');
    assert.ok(t.text.length > 0, 'partial text kept');
    assert.ok(t.error && t.error.message.length > 10);
  });

  it('reports a refused request with its kind so the panel can offer the fix', async () => {
    local.hub.enqueue({ kind: 'status', status: 404 });
    const t = turn();
    await streamReply({
      client: local.client,
      turn: t,
      messages: [{ role: 'user', content: 'hello' }],
      signal: new AbortController().signal,
      onDelta: () => undefined,
    });
    assert.equal(t.status, 'error');
    assert.equal(t.error?.kind, 'notFound');
    assert.match(t.error?.message ?? '', /404/);
  });
});
