// Long work in slices: the same result as a plain map, with the event loop let through between slices.
import * as assert from 'node:assert/strict';
import { mapInSlices } from '../../src/core/timeSlices';

describe('mapInSlices', () => {
  it('maps every item in order, and lets other work run between slices', async () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const ranBetween: number[] = [];
    let done = 0;
    const tick = () => {
      ranBetween.push(done);
      if (done < items.length) setImmediate(tick);
    };
    setImmediate(tick);
    const busy = (i: number) => {
      const until = performance.now() + 1;
      while (performance.now() < until);
      done++;
      return i * 2;
    };
    assert.deepEqual(
      await mapInSlices(items, busy, 5),
      items.map((i) => i * 2),
    );
    // 50 items of 1 ms in slices of 5 ms: the other callback ran several times before the map was over.
    assert.ok(ranBetween.filter((n) => n > 0 && n < items.length).length >= 3, `ran between slices at ${ranBetween.join(', ')}`);
  });

  it('maps an empty list', async () => {
    assert.deepEqual(await mapInSlices([], (x: number) => x), []);
  });
});
