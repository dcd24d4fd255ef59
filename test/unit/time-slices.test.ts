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

  it('gives jobs running at once a turn of the loop each, never two slices in one turn', async () => {
    // A ticker that counts the loop's turns: every step records the turn it ran in.
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const ranIn = new Map<number, Set<string>>();
    const busy = (job: string) => (i: number) => {
      const until = performance.now() + 0.5;
      while (performance.now() < until);
      if (!ranIn.has(turn)) ranIn.set(turn, new Set());
      ranIn.get(turn)!.add(job);
      return `${job}${i}`;
    };
    const items = Array.from({ length: 30 }, (_, i) => i);
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((job) => mapInSlices(items, busy(job), 2)));
    ticking = false;
    assert.deepEqual([a, b, c], [items.map((i) => `a${i}`), items.map((i) => `b${i}`), items.map((i) => `c${i}`)]);
    const shared = [...ranIn].filter(([, jobs]) => jobs.size > 1);
    assert.deepEqual(shared, [], 'turns in which more than one job ran a slice');
    // And they took turns, rather than one job running to its end before the others began.
    const order = [...ranIn.values()].map((jobs) => [...jobs][0]).join('');
    assert.match(order, /a+b+c+a/, `jobs by turn: ${order}`);
  });

  it('maps an empty list', async () => {
    assert.deepEqual(await mapInSlices([], (x: number) => x), []);
  });
});
