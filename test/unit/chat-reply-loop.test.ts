// The reply loop in plain Node against the local hub over real HTTP: the question saved before the request,
// the answer shown in batches and saved, stop and failure kept, the metrics a usage record reads.
import * as assert from 'node:assert/strict';
import { newConversation, type Conversation } from '../../src/core/chat/conversation';
import type { PendingDelta } from '../../src/core/chat/deltaBatcher';
import { ReplyLoop, type ReplyPorts } from '../../src/core/chat/replyLoop';
import { HubClient } from '../../src/core/hub/client';
import { startHub, type LocalHub } from '../hub/server';

interface Recorded {
  saves: string[];
  shown: PendingDelta[];
  ports: ReplyPorts;
}

function recording(client: HubClient): Recorded {
  const saves: string[] = [];
  const shown: PendingDelta[] = [];
  return {
    saves,
    shown,
    ports: {
      client,
      save: async (c) => {
        saves.push(JSON.stringify(c));
      },
      show: (d) => shown.push(d),
    },
  };
}

function asking(text: string): Conversation {
  const c = newConversation('c1', 'gpt-4o-mini', 1);
  c.turns.push({ id: 'u1', role: 'user', text, createdAt: 1 });
  return c;
}

describe('ReplyLoop', () => {
  let hub: LocalHub;
  let client: HubClient;
  before(async () => {
    hub = await startHub({ apiKey: null });
    client = new HubClient({ baseUrl: hub.url, getApiKey: () => undefined, keyOptional: true, maxRetries: 0, idleTimeoutMs: 5_000 });
  });
  after(() => hub.close());
  beforeEach(() => hub.clearQueue());

  it('saves the question with an empty answer before the request leaves', async () => {
    const r = recording(client);
    const c = asking('Explain closures');
    const loop = new ReplyLoop(c, r.ports);
    const before = hub.requests.length;
    await loop.begin();
    assert.equal(hub.requests.length, before, 'no request yet');
    assert.equal(r.saves.length, 1);
    const saved = JSON.parse(r.saves[0]) as Conversation;
    assert.deepEqual(
      saved.turns.map((t) => [t.role, t.text]),
      [
        ['user', 'Explain closures'],
        ['assistant', ''],
      ],
    );
    assert.equal(saved.turns[1].role === 'assistant' && saved.turns[1].status, 'streaming');
    await loop.run();
  });

  it('shows the whole answer in batches and saves its final form; metrics for the usage record', async () => {
    const r = recording(client);
    const c = asking('Explain closures');
    let clock = 1_000;
    const loop = new ReplyLoop(c, { ...r.ports, now: () => (clock += 1) });
    await loop.begin();
    const { turn, metrics } = await loop.run();
    assert.equal(turn.status, 'done');
    assert.match(turn.text, /Explain closures/);
    assert.equal(r.shown.map((d) => d.text).join(''), turn.text, 'every piece shown once, in order');
    assert.ok(r.shown.length < hub.requests.length + 200, 'batched');
    assert.ok(r.shown.every((d) => d.conversationId === 'c1' && d.turnId === turn.id));
    const last = JSON.parse(r.saves.at(-1)!) as Conversation;
    assert.deepEqual(last.turns[1], turn, 'the final save holds the finished answer');
    assert.ok(metrics.firstTokenAt !== undefined && metrics.startedAt < metrics.firstTokenAt && metrics.firstTokenAt < metrics.endedAt);
    assert.equal(metrics.model, 'gpt-4o-mini');
    assert.deepEqual(metrics.usage, turn.usage);
    assert.ok(turn.usage && turn.usage.completionTokens > 0);
  });

  it('asks with the turns before the answer, not the empty answer itself', async () => {
    const r = recording(client);
    const c = asking('first');
    await new ReplyLoop(c, r.ports).begin().then(() => undefined);
    c.turns.pop();
    c.turns.push({ id: 'u2', role: 'user', text: 'second', createdAt: 2 });
    const loop = new ReplyLoop(c, r.ports);
    await loop.begin();
    const sent = hub.requests.length;
    await loop.run();
    const body = hub.requests[sent].body as { messages: { role: string; content: string }[] };
    assert.deepEqual(
      body.messages.map((m) => m.role),
      ['user', 'user'],
    );
  });

  it('saves while a slow reply streams, not only at the end', async () => {
    hub.enqueue({ kind: 'stall', afterChunks: 4, ms: 400 });
    const r = recording(client);
    const loop = new ReplyLoop(asking('slow'), r.ports, { saveIntervalMs: 50 });
    await loop.begin();
    const { turn } = await loop.run();
    const midway = r.saves.slice(1, -1).map((s) => JSON.parse(s) as Conversation);
    assert.ok(
      midway.some((c) => c.turns[1].text.length > 0),
      'a save during the stall holds the text so far',
    );
    assert.ok(turn.text.length > 0);
  });

  it('stops on request, keeping what arrived and saving it marked stopped', async () => {
    hub.enqueue({ kind: 'stall', afterChunks: 3, ms: 10_000 });
    const r = recording(client);
    const loop = new ReplyLoop(asking('stop me'), r.ports);
    await loop.begin();
    const done = loop.run();
    while (loop.turn.text.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    loop.stop();
    const { turn } = await done;
    assert.equal(turn.status, 'stopped');
    assert.ok(turn.text.length > 0);
    assert.equal((JSON.parse(r.saves.at(-1)!) as Conversation).turns[1].role === 'assistant' && turn.status, 'stopped');
    assert.equal(r.shown.map((d) => d.text).join(''), turn.text);
  });

  it('flushes what is gathered for the webview, and saves what streamed so far, on demand', async () => {
    hub.enqueue({ kind: 'stall', afterChunks: 6, ms: 10_000 });
    const r = recording(client);
    const loop = new ReplyLoop(asking('flush me'), r.ports, { deltaIntervalMs: 60_000, saveIntervalMs: 60_000 });
    await loop.begin();
    const done = loop.run();
    while (loop.turn.text.length < 12) await new Promise((resolve) => setTimeout(resolve, 10));
    loop.flushShown();
    assert.equal(r.shown.map((d) => d.text).join(''), loop.turn.text, 'nothing held back after flushShown');
    await loop.flushSaved();
    assert.equal((JSON.parse(r.saves.at(-1)!) as Conversation).turns[1].text, loop.turn.text, 'saved without waiting for the interval');
    loop.stop();
    await done;
  });

  it("keeps a failed reply's partial text and the hub's message", async () => {
    hub.enqueue({ kind: 'midStreamError', afterChunks: 3 });
    const r = recording(client);
    const loop = new ReplyLoop(asking('fail'), r.ports);
    await loop.begin();
    const { turn } = await loop.run();
    assert.equal(turn.status, 'error');
    assert.ok(turn.text.length > 0);
    assert.equal((JSON.parse(r.saves.at(-1)!) as Conversation).turns[1].role === 'assistant' && turn.status, 'error');
  });
});
