// The throttled save of a streaming reply: at most one write per interval, the last change never left behind.
import * as assert from 'node:assert/strict';
import { ThrottledSave } from '../../src/core/chat/throttledSave';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ThrottledSave', () => {
  it('writes once for many changes within the interval, then again for later changes', async () => {
    let writes = 0;
    const saver = new ThrottledSave(async () => void writes++, 40);
    for (let i = 0; i < 50; i++) saver.touch();
    assert.equal(writes, 0, 'not written synchronously');
    await wait(10);
    assert.equal(writes, 1, 'the first change is written at once');
    saver.touch();
    saver.touch();
    await wait(10);
    assert.equal(writes, 1, 'held back within the interval');
    await wait(60);
    assert.equal(writes, 2, 'written when the interval is over');
    await wait(60);
    assert.equal(writes, 2, 'nothing changed: nothing written');
    saver.dispose();
  });

  it('flush writes pending changes at once and cancels the timer', async () => {
    let writes = 0;
    const saver = new ThrottledSave(async () => void writes++, 1_000);
    saver.touch();
    await wait(10);
    saver.touch();
    await saver.flush();
    assert.equal(writes, 2);
    await saver.flush();
    assert.equal(writes, 2, 'a flush with nothing changed writes nothing');
    saver.dispose();
  });

  it('dispose drops a pending write', async () => {
    let writes = 0;
    const saver = new ThrottledSave(async () => void writes++, 20);
    saver.touch();
    await wait(5);
    saver.touch();
    saver.dispose();
    await wait(50);
    assert.equal(writes, 1);
  });

  it('a failed write is not thrown into the timer, and the next change is still written', async () => {
    let attempts = 0;
    const saver = new ThrottledSave(async () => {
      attempts++;
      if (attempts === 1) throw new Error('disk full');
    }, 10);
    saver.touch();
    await wait(5);
    saver.touch();
    await wait(30);
    assert.equal(attempts, 2);
    saver.dispose();
  });
});
