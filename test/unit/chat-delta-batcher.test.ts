// The batching of streamed text on its way to the webview, on a controlled clock.
import * as assert from 'node:assert/strict';
import { DeltaBatcher, type PendingDelta } from '../../src/core/chat/deltaBatcher';

describe('DeltaBatcher', () => {
  let now = 1_000;
  const clock = () => now;
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('posts the first piece at once, gathers what follows within the interval into one message', async () => {
    const posted: PendingDelta[] = [];
    const batcher = new DeltaBatcher((d) => posted.push(d), 20, clock);
    batcher.push('c', 't', { text: 'Hel', reasoning: '' });
    assert.deepEqual(
      posted.map((d) => d.text),
      ['Hel'],
      'no wait for the first words',
    );
    now += 5;
    batcher.push('c', 't', { text: 'lo', reasoning: '' });
    batcher.push('c', 't', { text: ' world', reasoning: 'hm' });
    assert.equal(posted.length, 1, 'held back within the interval');
    now += 20;
    await wait(30);
    assert.deepEqual(
      posted.map((d) => [d.text, d.reasoning]),
      [
        ['Hel', ''],
        ['lo world', 'hm'],
      ],
    );
    batcher.dispose();
  });

  it("flushes a reply's pending text before another reply's, and on demand", () => {
    const posted: PendingDelta[] = [];
    const batcher = new DeltaBatcher((d) => posted.push(d), 1_000, clock);
    batcher.push('c', 'a', { text: 'first', reasoning: '' });
    batcher.push('c', 'a', { text: ' reply', reasoning: '' });
    batcher.push('c', 'b', { text: 'second', reasoning: '' });
    assert.deepEqual(
      posted.map((d) => [d.turnId, d.text]),
      [
        ['a', 'first'],
        ['a', ' reply'],
      ],
    );
    batcher.flush();
    assert.deepEqual(
      posted.map((d) => [d.turnId, d.text]),
      [
        ['a', 'first'],
        ['a', ' reply'],
        ['b', 'second'],
      ],
    );
    batcher.flush();
    assert.equal(posted.length, 3, 'nothing twice');
    batcher.dispose();
  });

  it("keeps concurrent replies (a comparison's columns) apart and posts them together once per interval", async () => {
    const posted: PendingDelta[] = [];
    const batcher = new DeltaBatcher((d) => posted.push(d), 20, { concurrent: true, now: clock });
    batcher.push('c', 'a', { text: 'A1', reasoning: '' });
    batcher.push('c', 'b', { text: 'B1', reasoning: '' });
    batcher.push('c', 'a', { text: 'A2', reasoning: '' });
    assert.deepEqual(
      posted.map((d) => [d.turnId, d.text]),
      [['a', 'A1']],
      'no flush just because another column spoke',
    );
    now += 20;
    await wait(30);
    assert.deepEqual(
      posted.map((d) => [d.turnId, d.text]),
      [
        ['a', 'A1'],
        ['b', 'B1'],
        ['a', 'A2'],
      ],
    );
    batcher.dispose();
  });
});
