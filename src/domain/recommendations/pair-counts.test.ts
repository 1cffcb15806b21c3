import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairCounts } from './pair-counts.js';

/** Changes as (key, change): keys from a small range so that they collide, are removed and come back. */
const changes = fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: -2, max: 2 })), {
  maxLength: 300,
});

/** Every key and its count, as a Map. */
function countsIn(table: PairCounts): Map<number, number> {
  const counts = new Map<number, number>();
  table.forEach((key, count) => counts.set(key, count));
  return counts;
}

describe('pair counts', () => {
  it('give back their memory when most keys are gone, and keep the rest', () => {
    const table = new PairCounts();
    for (let key = 0; key < 1_000; key += 1) table.add(key, key + 1);
    const full = table.capacity;
    for (let key = 0; key < 990; key += 1) table.delete(key);
    table.shrinkIfSparse(5);
    expect(table.capacity).toBeLessThan(full / 50);
    expect(countsIn(table)).toEqual(new Map(Array.from({ length: 10 }, (_, i) => [990 + i, 991 + i])));
    table.add(5, 1);
    expect([table.get(5), table.get(999), table.size]).toEqual([1, 1_000, 11]);
    // A table as full as it may be is left as it is.
    const capacity = table.capacity;
    table.shrinkIfSparse(5);
    expect(table.capacity).toBe(capacity);
  });

  it('hold what a Map of the same changes holds, through growth and removals', () => {
    fc.assert(
      fc.property(changes, (list) => {
        const table = new PairCounts();
        const expected = new Map<number, number>();
        for (const [key, change] of list) {
          const before = expected.get(key) ?? 0;
          const after = before + change;
          if (after === 0) expected.delete(key);
          else expected.set(key, after);
          const sizeChange = table.add(key, change);
          expect(sizeChange).toBe(change === 0 ? 0 : before === 0 ? 1 : after === 0 ? -1 : 0);
          expect(table.get(key)).toBe(after);
        }
        expect(table.size).toBe(expected.size);
        expect(countsIn(table)).toEqual(expected);
        for (let key = 0; key <= 60; key += 1) expect(table.get(key)).toBe(expected.get(key) ?? 0);
      }),
    );
  });

  it('find every remaining key after deletions in the middle of colliding runs', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 5_000 }), { maxLength: 200 }),
        fc.nat(),
        (keys, seed) => {
          const table = new PairCounts();
          for (const key of keys) table.add(key, key + 1);
          const removed = keys.filter((_, index) => (index + seed) % 3 === 0);
          for (const key of removed) expect(table.delete(key)).toBe(true);
          expect(table.delete(5_001)).toBe(false);
          for (const key of keys) expect(table.get(key)).toBe(removed.includes(key) ? 0 : key + 1);
          expect(table.size).toBe(keys.length - removed.length);
        },
      ),
    );
  });
});
