// Fallback in core: the setting read entry by entry, the chain per model, which failures let another model
// answer, the notice, and the reply loop against the local hub over real HTTP: a 503 before the first byte
// goes to the next model; a 402, a failure after the first byte, or no fallback list leave the error as it is.
import * as assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { newConversation, type Conversation } from '../../src/core/chat/conversation';
import { fallbackChain, fallbackNotice, fallbackReason, parseFallbackSetting, type FallbackStep } from '../../src/core/chat/fallback';
import { ReplyLoop } from '../../src/core/chat/replyLoop';
import { usageCsv } from '../../src/core/usage/csv';
import { meterStream } from '../../src/core/usage/meter';
import { usageRecordSchema, type UsageRecord } from '../../src/core/usage/record';
import { RecentFailures, RECENT_FAILURE_MS } from '../../src/core/models/recentFailures';
import { useLocalHubClient } from './localHubClient';

function asking(text: string, model = 'gpt-4o'): Conversation {
  const c = newConversation('c1', model, 1);
  c.turns.push({ id: 'u1', role: 'user', text, createdAt: 1 });
  return c;
}

describe('fallback', () => {
  it('reads one list or lists per model, leaving bad entries out with a reason', () => {
    assert.deepEqual(parseFallbackSetting(['gpt-4o-mini', ' deepseek-chat ']), { setting: ['gpt-4o-mini', 'deepseek-chat'], problems: [] });
    const parsed = parseFallbackSetting({ 'gpt-4o': ['gpt-4o-mini', 3], '*': 'nope' });
    assert.deepEqual(parsed.setting, { 'gpt-4o': ['gpt-4o-mini'], '*': [] });
    assert.equal(parsed.problems.length, 2);
    assert.deepEqual(parseFallbackSetting(undefined), { setting: [], problems: [] });
    assert.match(parseFallbackSetting(42).problems[0], /neither a list nor an object/);
  });

  it('chains per model, then `*`, each model once and never the model itself', () => {
    assert.deepEqual(fallbackChain(['gpt-4o', 'gpt-4o-mini', 'gpt-4o-mini'], 'gpt-4o'), ['gpt-4o-mini']);
    const per = { 'gpt-4o': ['gpt-4o-mini'], '*': ['deepseek-chat'] };
    assert.deepEqual(fallbackChain(per, 'gpt-4o'), ['gpt-4o-mini']);
    assert.deepEqual(fallbackChain(per, 'o3'), ['deepseek-chat']);
    assert.deepEqual(fallbackChain({}, 'o3'), []);
  });

  it('falls back for no channel, model not found and 5xx, never for the account, a rate limit or a started reply', () => {
    assert.equal(fallbackReason({ message: '', kind: 'noChannel', status: 503 }, false), 'no available channel (503)');
    assert.equal(fallbackReason({ message: '', kind: 'notFound', status: 404 }, false), 'model not found (404)');
    assert.equal(fallbackReason({ message: '', kind: 'server', status: 502 }, false), 'hub error (502)');
    for (const kind of ['auth', 'quota', 'forbidden', 'rateLimited', 'network', 'timeout', 'brokenStream', 'cancelled', 'badRequest'])
      assert.equal(fallbackReason({ message: '', kind }, false), undefined, kind);
    assert.equal(fallbackReason({ message: '', kind: 'noChannel', status: 503 }, true), undefined, 'after the first byte');
  });

  it('says who could not answer, why, and who did', () => {
    const steps: FallbackStep[] = [{ model: 'gpt-4o', reason: 'no available channel (503)' }];
    assert.equal(fallbackNotice(steps, 'gpt-4o-mini'), 'gpt-4o: no available channel (503) — answered by gpt-4o-mini');
    assert.equal(
      fallbackNotice([...steps, { model: 'gpt-4o-mini', reason: 'model not found (404)' }], undefined),
      'gpt-4o: no available channel (503); gpt-4o-mini: model not found (404) — no fallback model could answer',
    );
  });

  it('marks a failed model for a while, in short words', () => {
    let now = 0;
    const failures = new RecentFailures(() => now);
    failures.record('gpt-4o', 'no available channel (503)');
    assert.equal(failures.describe('gpt-4o'), 'no channel, just now');
    now = 3 * 60_000 + 5;
    assert.equal(failures.describe('gpt-4o'), 'no channel, 3 min ago');
    now = RECENT_FAILURE_MS + 1;
    assert.equal(failures.describe('gpt-4o'), undefined);
    failures.record('o3', 'hub error (502)');
    assert.equal(failures.describe('o3'), 'hub error, just now');
    assert.ok(failures.clear('o3'));
    assert.equal(failures.describe('o3'), undefined);
  });

  describe('in the reply loop (local hub)', () => {
    const local = useLocalHubClient();

    async function reply(c: Conversation, chain: string[]) {
      const failed: [FallbackStep, string | undefined][] = [];
      const records: UsageRecord[] = [];
      const loop = new ReplyLoop(c, {
        client: meterStream(local.client, { surface: 'chat', hub: local.hub.url, write: (r) => records.push(r) }),
        save: async () => undefined,
        show: () => undefined,
        fallbacks: () => chain,
        onModelFailed: (step, next) => failed.push([step, next]),
      });
      await loop.begin();
      const { turn } = await loop.run();
      return { turn, failed, records, models: local.hub.requests.map((r) => (r.body as { model: string }).model) };
    }

    it('a 503 before the first byte: the next model answers the same turn, which says so', async () => {
      local.hub.enqueue({ kind: 'status', status: 503, model: 'gpt-4o' });
      const { turn, failed, models } = await reply(asking('Hello'), ['gpt-4o-mini', 'deepseek-chat']);
      assert.deepEqual(models, ['gpt-4o', 'gpt-4o-mini']);
      assert.equal(turn.status, 'done');
      assert.equal(turn.model, 'gpt-4o-mini');
      assert.match(turn.text, /Echo\*\* from gpt-4o-mini/);
      assert.deepEqual(turn.fallbacks, [{ model: 'gpt-4o', reason: 'no available channel (503)' }]);
      assert.deepEqual(failed, [[{ model: 'gpt-4o', reason: 'no available channel (503)' }, 'gpt-4o-mini']]);
    });

    it('the usage record of a fallback reply links it to the model asked and says why; the failed request has its own line', async () => {
      local.hub.enqueue({ kind: 'status', status: 503, model: 'gpt-4o' });
      local.hub.enqueue({ kind: 'status', status: 404, model: 'gpt-4o-mini' });
      const { records, models } = await reply(asking('Hello'), ['gpt-4o-mini', 'deepseek-chat']);
      assert.deepEqual(models, ['gpt-4o', 'gpt-4o-mini', 'deepseek-chat']);
      assert.deepEqual(
        records.map((r) => [r.model, r.outcome, r.errorKind, r.fallbackFrom]),
        [
          ['gpt-4o', 'error', 'noChannel', undefined],
          ['gpt-4o-mini', 'error', 'notFound', [{ model: 'gpt-4o', reason: 'no available channel (503)' }]],
          [
            'deepseek-chat',
            'done',
            null,
            [
              { model: 'gpt-4o', reason: 'no available channel (503)' },
              { model: 'gpt-4o-mini', reason: 'model not found (404)' },
            ],
          ],
        ],
      );
      for (const r of records) assert.ok(z.safeParse(usageRecordSchema, r).success, 'each line is a valid record');
      assert.ok(!('fallbackFrom' in records[0]!), 'a reply from the model asked has no fallback field at all');
      assert.ok(!local.hub.requests.some((r) => JSON.stringify(r.body).includes('fallback')), 'the hub never sees it');
      assert.match(usageCsv(records).split('\r\n')[3]!, /,"?gpt-4o: no available channel \(503\); gpt-4o-mini: model not found \(404\)"?$/);
    });

    it('goes down the list while models cannot serve, and keeps the last error when none can', async () => {
      local.hub.enqueue({ kind: 'status', status: 503, model: 'gpt-4o' });
      local.hub.enqueue({ kind: 'status', status: 404, model: 'gpt-4o-mini' });
      local.hub.enqueue({ kind: 'status', status: 502, model: 'deepseek-chat' });
      const { turn, models } = await reply(asking('Hello'), ['gpt-4o-mini', 'deepseek-chat']);
      assert.deepEqual(models, ['gpt-4o', 'gpt-4o-mini', 'deepseek-chat']);
      assert.equal(turn.status, 'error');
      assert.equal(turn.model, 'deepseek-chat');
      assert.deepEqual(
        turn.fallbacks?.map((s) => s.reason),
        ['no available channel (503)', 'model not found (404)'],
      );
    });

    it('never on 402 (the account, not the model)', async () => {
      local.hub.enqueue({ kind: 'status', status: 402, model: 'gpt-4o' });
      const { turn, failed, models } = await reply(asking('Hello'), ['gpt-4o-mini']);
      assert.deepEqual(models, ['gpt-4o']);
      assert.equal(turn.status, 'error');
      assert.equal(turn.error?.kind, 'quota');
      assert.equal(turn.fallbacks, undefined);
      assert.deepEqual(failed, []);
    });

    it('never after the first byte: what arrived stays, with the error', async () => {
      local.hub.enqueue({ kind: 'midStreamError', afterChunks: 3, model: 'gpt-4o' });
      const { turn, models } = await reply(asking('Hello'), ['gpt-4o-mini']);
      assert.deepEqual(models, ['gpt-4o']);
      assert.equal(turn.status, 'error');
      assert.ok(turn.text.length > 0);
      assert.equal(turn.model, 'gpt-4o');
    });

    it('without a list the 503 is shown as it is (and reported as a failure)', async () => {
      local.hub.enqueue({ kind: 'status', status: 503, model: 'gpt-4o' });
      const { turn, failed } = await reply(asking('Hello'), []);
      assert.equal(turn.status, 'error');
      assert.equal(turn.error?.kind, 'noChannel');
      assert.deepEqual(failed, [[{ model: 'gpt-4o', reason: 'no available channel (503)' }, undefined]]);
    });
  });
});
