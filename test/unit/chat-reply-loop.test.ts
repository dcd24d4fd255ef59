// The reply loop in plain Node against the local hub over real HTTP: the question saved before the request,
// the answer shown in batches and saved, stop and failure kept, the metrics a usage record reads.
import * as assert from 'node:assert/strict';
import { newConversation, type Conversation } from '../../src/core/chat/conversation';
import type { PendingDelta } from '../../src/core/chat/deltaBatcher';
import { ReplyLoop, type ReplyPorts } from '../../src/core/chat/replyLoop';
import { droppedNote, fitToContext, refusedMessage } from '../../src/core/chat/contextBudget';
import { HubClient } from '../../src/core/hub/client';
import type { ChatMessage } from '../../src/core/hub/types';
import type { ResolvedLimits } from '../../src/core/models/limits';
import { useLocalHubClient } from './localHubClient';

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
  const local = useLocalHubClient();

  it('saves the question with an empty answer before the request leaves', async () => {
    const r = recording(local.client);
    const c = asking('Explain closures');
    const loop = new ReplyLoop(c, r.ports);
    const before = local.hub.requests.length;
    await loop.begin();
    assert.equal(local.hub.requests.length, before, 'no request yet');
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
    const r = recording(local.client);
    const c = asking('Explain closures');
    let clock = 1_000;
    const loop = new ReplyLoop(c, { ...r.ports, now: () => (clock += 1) });
    await loop.begin();
    const { turn, metrics } = await loop.run();
    assert.equal(turn.status, 'done');
    assert.match(turn.text, /Explain closures/);
    assert.equal(r.shown.map((d) => d.text).join(''), turn.text, 'every piece shown once, in order');
    assert.ok(r.shown.length < local.hub.requests.length + 200, 'batched');
    assert.ok(r.shown.every((d) => d.conversationId === 'c1' && d.turnId === turn.id));
    const last = JSON.parse(r.saves.at(-1)!) as Conversation;
    assert.deepEqual(last.turns[1], turn, 'the final save holds the finished answer');
    assert.ok(metrics.firstTokenAt !== undefined && metrics.startedAt < metrics.firstTokenAt && metrics.firstTokenAt < metrics.endedAt);
    assert.equal(metrics.model, 'gpt-4o-mini');
    assert.deepEqual(metrics.usage, turn.usage);
    assert.ok(turn.usage && turn.usage.completionTokens > 0);
  });

  it('asks with the turns before the answer, not the empty answer itself', async () => {
    const r = recording(local.client);
    const c = asking('first');
    await new ReplyLoop(c, r.ports).begin().then(() => undefined);
    c.turns.pop();
    c.turns.push({ id: 'u2', role: 'user', text: 'second', createdAt: 2 });
    const loop = new ReplyLoop(c, r.ports);
    await loop.begin();
    const sent = local.hub.requests.length;
    await loop.run();
    const body = local.hub.requests[sent].body as { messages: { role: string; content: string }[] };
    assert.deepEqual(
      body.messages.map((m) => m.role),
      ['user', 'user'],
    );
  });

  it('saves while a slow reply streams, not only at the end', async () => {
    local.hub.enqueue({ kind: 'stall', afterChunks: 4, ms: 400 });
    const r = recording(local.client);
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
    local.hub.enqueue({ kind: 'stall', afterChunks: 3, ms: 10_000 });
    const r = recording(local.client);
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
    local.hub.enqueue({ kind: 'stall', afterChunks: 6, ms: 10_000 });
    const r = recording(local.client);
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
    local.hub.enqueue({ kind: 'midStreamError', afterChunks: 3 });
    const r = recording(local.client);
    const loop = new ReplyLoop(asking('fail'), r.ports);
    await loop.begin();
    const { turn } = await loop.run();
    assert.equal(turn.status, 'error');
    assert.ok(turn.text.length > 0);
    assert.equal((JSON.parse(r.saves.at(-1)!) as Conversation).turns[1].role === 'assistant' && turn.status, 'error');
  });
});

describe('the chat context budget', () => {
  const local = useLocalHubClient();

  const limits: ResolvedLimits = { maxInputTokens: 1_000, maxOutputTokens: 500, source: 'family' };
  const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i % 10}`).join(' ');

  it('sends a conversation whole while it fits', () => {
    const messages: ChatMessage[] = [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'hello' },
      { role: 'user', content: 'how are you?' },
    ];
    const fit = fitToContext(messages, limits);
    assert.ok(fit.ok);
    assert.equal(fit.droppedMessages, 0);
    assert.deepEqual(fit.messages, messages);
  });

  it('leaves out the oldest messages past the limit, starting the rest with a question', () => {
    const messages: ChatMessage[] = [
      { role: 'user', content: words(300) },
      { role: 'assistant', content: words(300) },
      { role: 'user', content: words(200) },
      { role: 'assistant', content: words(200) },
      { role: 'user', content: 'and now?' },
    ];
    const fit = fitToContext(messages, limits);
    assert.ok(fit.ok);
    assert.equal(fit.messages[0].role, 'user');
    assert.equal(fit.messages.at(-1)?.content, 'and now?');
    assert.ok(fit.droppedMessages >= 2 && fit.droppedMessages % 2 === 0, `dropped ${fit.droppedMessages}`);
    assert.ok(fit.sentTokens <= limits.maxInputTokens && fit.totalTokens > limits.maxInputTokens);
    assert.match(
      droppedNote('gpt-4o', fit, limits),
      /^The \d+ oldest messages of this conversation were left out: it is about [\d,]+ tokens, and gpt-4o takes 1,000 in \(typical for this family\)\. New Chat starts afresh\.$/,
    );
  });

  it('refuses a question that alone is over the limit, with the numbers', () => {
    const fit = fitToContext([{ role: 'user', content: words(5_000) }], limits);
    assert.equal(fit.ok, false);
    if (!fit.ok) {
      assert.ok(fit.questionTokens > limits.maxInputTokens);
      assert.match(
        refusedMessage('gpt-4o', fit, limits),
        /^Nothing was sent: this question is about [\d,]+ tokens, and gpt-4o takes 1,000 in/,
      );
    }
  });

  it('the loop refuses before any request, and sends a long conversation without its oldest turns, saying so', async () => {
    const big = asking(words(5_000));
    const refused = new ReplyLoop(big, recording(local.client).ports, { limits });
    const before = local.hub.requests.length;
    await refused.begin();
    const result = await refused.run();
    assert.equal(local.hub.requests.length, before, 'nothing reached the hub');
    assert.equal(result.turn.status, 'error');
    assert.equal(result.turn.error?.kind, 'tooLarge');

    const long = asking(words(400));
    long.turns.push({ id: 'a1', role: 'assistant', model: 'gpt-4o-mini', text: words(400), status: 'done', createdAt: 2 });
    long.turns.push({ id: 'u2', role: 'user', text: 'Summarise', createdAt: 3 });
    const loop = new ReplyLoop(long, recording(local.client).ports, { limits });
    await loop.begin();
    const done = await loop.run();
    assert.equal(done.turn.status, 'done');
    assert.match(done.turn.contextNote ?? '', /The 2 oldest messages of this conversation were left out/);
    const sent = local.hub.requests.at(-1)?.body as { messages: { content: string }[] };
    assert.deepEqual(
      sent.messages.map((m) => m.content),
      ['Summarise'],
    );
  });
});
