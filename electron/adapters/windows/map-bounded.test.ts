import { describe, expect, it } from 'vitest';
import { mapBounded } from './map-bounded';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('mapBounded', () => {
  it('runs at most `limit` at once and keeps the order of the items', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapBounded([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      for (let i = 0; i < n; i++) await tick();
      running--;
      return n * 10;
    });
    expect(peak).toBe(3);
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60].map((value) => ({ status: 'fulfilled', value })));
  });

  it('lets every item settle when one fails, and reports each failure in its place', async () => {
    const done: number[] = [];
    const out = await mapBounded([1, 2, 3], 2, async (n) => {
      await tick();
      if (n === 1) throw new Error('first');
      done.push(n);
      return n;
    });
    expect(done.sort()).toEqual([2, 3]);
    expect(out[0]).toMatchObject({ status: 'rejected', reason: new Error('first') });
    expect(out.slice(1)).toEqual([
      { status: 'fulfilled', value: 2 },
      { status: 'fulfilled', value: 3 },
    ]);
  });

  it('an empty list is no work', async () => {
    expect(await mapBounded([], 4, () => Promise.reject(new Error('never')))).toEqual([]);
  });
});
