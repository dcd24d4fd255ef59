// Comparisons in core: columns streaming from the local hub at once over real HTTP, the concurrency limit, one
// column's failure or rate limit leaving the others alone, stop and retry per column, the figures, the export.
import * as assert from 'node:assert/strict';
import type { AssistantTurn, UserTurn } from '../../src/core/chat/conversation';
import { CompareRun, type ColumnPhase } from '../../src/core/compare/compareRun';
import { columnsOf, continuedConversation, newComparison } from '../../src/core/compare/comparison';
import { ConcurrencyLimit } from '../../src/core/compare/concurrencyLimit';
import { exportComparison } from '../../src/core/compare/exportComparison';
import { columnMetrics, costLabel, metricRows } from '../../src/core/compare/metrics';
import { useLocalHubClient } from './localHubClient';

const question: UserTurn = { id: 'q', role: 'user', text: 'Explain closures', createdAt: 0 };

function comparison(models: string[]) {
  let n = 0;
  return newComparison({ id: 'cmp', question, models, newId: () => `col${++n}`, now: 1 });
}

describe('Compare core', () => {
  const local = useLocalHubClient();

  function runOf(turns: AssistantTurn[], extra: Partial<ConstructorParameters<typeof CompareRun>[1]> = {}) {
    const phases: [string, ColumnPhase, string?][] = [];
    const deltas = new Map<string, string>();
    const run = new CompareRun(turns, {
      client: local.client,
      messages: [{ role: 'user', content: question.text }],
      onDelta: (id, d) => deltas.set(id, (deltas.get(id) ?? '') + d.text),
      onPhase: (id, phase, note) => phases.push([id, phase, note]),
      ...extra,
    });
    return { run, phases, deltas };
  }

  it('refuses fewer than two or more than four models, and the same model twice counts once', () => {
    assert.throws(() => comparison(['gpt-4o']), /2 to 4/);
    assert.throws(() => comparison(['a', 'b', 'c', 'd', 'e']), /2 to 4/);
    assert.throws(() => comparison(['gpt-4o', 'gpt-4o ']), /got 1/);
    const c = comparison(['gpt-4o', 'claude-sonnet-4.6', 'deepseek-chat']);
    assert.equal(c.kind, 'comparison');
    assert.equal(c.title, 'Compare: Explain closures');
    assert.deepEqual(
      columnsOf(c).map((t) => t.model),
      ['gpt-4o', 'claude-sonnet-4.6', 'deepseek-chat'],
    );
  });

  it('streams three models at once, each column its own answer with timing and usage', async () => {
    const c = comparison(['gpt-4o', 'claude-sonnet-4.6', 'deepseek-chat']);
    const turns = columnsOf(c);
    const { run, deltas } = runOf(turns);
    await run.startAll();
    for (const t of turns) {
      assert.equal(t.status, 'done');
      assert.match(t.text, new RegExp(`Echo\\*\\* from ${t.model.replace('.', '\\.')}`));
      assert.equal(deltas.get(t.id), t.text, 'every piece reached the page');
      assert.ok(t.timing?.firstTokenMs !== undefined && t.timing.totalMs !== undefined && t.timing.totalMs >= t.timing.firstTokenMs);
      const m = columnMetrics(t);
      assert.equal(m.estimated, false);
      assert.equal(m.tokensIn, 17);
      assert.ok((m.tokensOut ?? 0) > 0);
    }
    assert.deepEqual(local.hub.requests.map((r) => (r.body as { model: string }).model).sort(), [
      'claude-sonnet-4.6',
      'deepseek-chat',
      'gpt-4o',
    ]);
  });

  it("one column's 503 leaves the others to finish", async () => {
    local.hub.enqueue({ kind: 'status', status: 503, model: 'claude-sonnet-4.6' });
    const turns = columnsOf(comparison(['gpt-4o', 'claude-sonnet-4.6', 'deepseek-chat']));
    await runOf(turns).run.startAll();
    assert.deepEqual(
      turns.map((t) => t.status),
      ['done', 'error', 'done'],
    );
    assert.equal(turns[1].error?.kind, 'noChannel');
    assert.match(turns[1].error?.message ?? '', /No provider channel is available for "claude-sonnet-4\.6"/);
  });

  it('holds the requests over the limit until a slot is free', async () => {
    local.hub.enqueue({ kind: 'text', text: 'slow answer here', chunkDelayMs: 30 }, 3);
    const turns = columnsOf(comparison(['gpt-4o', 'claude-sonnet-4.6', 'deepseek-chat']));
    const { run, phases } = runOf(turns, { limit: 2 });
    const done = run.startAll();
    await local.hub.waitForRequest((r) => r.id > 0);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(run.phase(turns[2].id), 'queued', 'the third waits');
    assert.equal(local.hub.requests.length, 2, 'only two requests in flight');
    await done;
    assert.deepEqual(
      turns.map((t) => t.status),
      ['done', 'done', 'done'],
    );
    assert.ok(phases.some(([id, p]) => id === turns[2].id && p === 'streaming'));
  });

  it('a rate-limited column waits (freeing its slot) and tries again while the others go on', async () => {
    local.hub.enqueue({ kind: 'status', status: 429, retryAfterMs: 40, model: 'gpt-4o' });
    const turns = columnsOf(comparison(['gpt-4o', 'deepseek-chat']));
    const waits: number[] = [];
    const { run, phases } = runOf(turns, {
      limit: 1,
      wait: async (ms) => {
        waits.push(ms);
        await new Promise((r) => setTimeout(r, 5));
      },
    });
    await run.startAll();
    assert.deepEqual(
      turns.map((t) => t.status),
      ['done', 'done'],
    );
    assert.deepEqual(waits, [40], "the hub's Retry-After is honoured");
    const note = phases.find(([, p]) => p === 'waiting')?.[2];
    assert.match(note ?? '', /rate-limited \(429\): trying again in 1 s/);
  });

  it('stops one column without touching the others, and retries it', async () => {
    local.hub.enqueue({ kind: 'stall', afterChunks: 2, model: 'gpt-4o' });
    const turns = columnsOf(comparison(['gpt-4o', 'deepseek-chat']));
    const { run } = runOf(turns);
    const all = run.startAll();
    const stalled = await local.hub.waitForRequest((r) => (r.body as { model?: string }).model === 'gpt-4o');
    await new Promise((r) => setTimeout(r, 100));
    await run.stop(turns[0].id);
    await all;
    await local.hub.waitForClientClose(stalled.id);
    assert.equal(turns[0].status, 'stopped');
    assert.ok(turns[0].text.length > 0, 'what arrived is kept');
    assert.equal(turns[1].status, 'done');
    await run.start(turns[0].id);
    assert.equal(turns[0].status, 'done');
    assert.match(turns[0].text, /Echo/);
  });

  it('stopping all aborts every request, queued ones included', async () => {
    local.hub.enqueue({ kind: 'stall', afterChunks: 1 }, 3);
    const turns = columnsOf(comparison(['gpt-4o', 'claude-sonnet-4.6', 'deepseek-chat']));
    const { run } = runOf(turns, { limit: 2 });
    const all = run.startAll();
    await until(() => local.hub.requests.length === 2);
    await run.stop();
    await all;
    assert.deepEqual(
      turns.map((t) => t.status),
      ['stopped', 'stopped', 'stopped'],
    );
    await until(() => local.hub.requests.every((r) => r.clientClosed));
    assert.equal(local.hub.requests.length, 2, 'the queued column never sent its request');
  });

  it('ConcurrencyLimit hands slots out in order and drops aborted waiters', async () => {
    const limit = new ConcurrencyLimit(1);
    const first = await limit.acquire();
    const abort = new AbortController();
    const order: string[] = [];
    const second = limit.acquire(abort.signal).then(
      () => order.push('aborted one got a slot'),
      () => order.push('aborted'),
    );
    const third = limit.acquire().then((release) => {
      order.push('third');
      release();
    });
    abort.abort();
    await second;
    first();
    await third;
    assert.deepEqual(order, ['aborted', 'third']);
    assert.equal(limit.inFlight, 0);
    assert.throws(() => new ConcurrencyLimit(0), /≥ 1/);
  });

  it('figures: speed over the streaming part, estimates marked, cost never guessed', () => {
    const base: AssistantTurn = { id: 'a', role: 'assistant', model: 'm', text: 'hello world', status: 'done', createdAt: 0 };
    const measured = {
      ...base,
      usage: { promptTokens: 10, completionTokens: 50, totalTokens: 60 },
      timing: { firstTokenMs: 500, totalMs: 1500 },
    };
    assert.equal(columnMetrics(measured).tokensPerSecond, 50);
    const rows = Object.fromEntries(metricRows({ ...measured, finishReason: 'stop' }, 'unknown'));
    assert.deepEqual(rows, {
      'First token': '500 ms',
      Speed: '50 tokens/s',
      Total: '1.50 s',
      'Tokens in': '10',
      'Tokens out': '50',
      Cost: 'unknown',
      Finish: 'stop',
    });
    assert.equal(costLabel(measured, undefined), 'unknown', 'no published price: unknown');
    assert.equal(costLabel(measured, { kind: 'tokens', inputPerMillion: 2, outputPerMillion: 8 }), '$0.00042');
    const estimated = Object.fromEntries(metricRows({ ...base, timing: { firstTokenMs: 100, totalMs: 1100 } }, 'unknown'));
    assert.match(estimated['Tokens out'], /^≈\d+$/);
    assert.equal(estimated['Tokens in'], '—', 'no usage: nothing made up');
  });

  it('Continue with this one: the question and that answer as a chat with that model', () => {
    const c = comparison(['gpt-4o', 'deepseek-chat']);
    const [, second] = columnsOf(c);
    Object.assign(second, { text: 'Closures capture variables.', status: 'done' });
    let n = 0;
    const chat = continuedConversation(c, second.id, () => `new${++n}`, 5)!;
    assert.equal(chat.kind, undefined);
    assert.equal(chat.model, 'deepseek-chat');
    assert.deepEqual(
      chat.turns.map((t) => [t.role, t.text]),
      [
        ['user', 'Explain closures'],
        ['assistant', 'Closures capture variables.'],
      ],
    );
    assert.equal(chat.title, 'Explain closures');
    assert.equal(
      continuedConversation(c, 'nope', () => 'x', 5),
      undefined,
    );
  });

  it('exports the prompt, a table of figures and each answer', () => {
    const c = comparison(['gpt-4o', 'deepseek-chat']);
    const [a, b] = columnsOf(c);
    Object.assign(a, { text: 'Answer A', status: 'done', finishReason: 'stop' });
    Object.assign(b, { status: 'error', error: { message: 'No provider channel (503)' } });
    const md = exportComparison(c, () => undefined);
    assert.match(md, /^# Compare: Explain closures/);
    assert.match(md, /## Prompt\n\nExplain closures/);
    assert.match(md, /\| \| gpt-4o \| deepseek-chat \|/);
    assert.match(md, /\| Cost \| unknown \| unknown \|/);
    assert.match(md, /## gpt-4o\n\nAnswer A/);
    assert.match(md, /> \*\*Error:\*\* No provider channel \(503\)/);
  });
});

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
