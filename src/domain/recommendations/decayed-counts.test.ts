import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDecayed, decayedAt, type Decayed } from './decay.js';
import { DecayedCounts } from './decayed-counts.js';

const LONG_MS = 30 * 86_400_000;
const SHORT_MS = 3 * 86_400_000;
const NOW = 1_800_000_000_000;

/** An item, a weight and an instant within a few weeks, in any order (events arrive late). */
const addition = fc.record({
  item: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  weight: fc.constantFrom(1, 2, 0.5, 3),
  at: fc.integer({ min: NOW - 40 * 86_400_000, max: NOW }),
});

describe('DecayedCounts', () => {
  it('counts to the last bit as decayed objects do, in the order items were first counted', () => {
    fc.assert(
      fc.property(fc.array(addition, { maxLength: 200 }), (additions) => {
        const counts = new DecayedCounts(LONG_MS, SHORT_MS);
        const objects = new Map<string, { long: Decayed; short: Decayed }>();
        for (const { item, weight, at } of additions) {
          counts.add(item, weight, at);
          const current = objects.get(item);
          objects.set(item, {
            long: addDecayed(current?.long, weight, at, LONG_MS),
            short: addDecayed(current?.short, weight, at, SHORT_MS),
          });
        }
        expect([...counts.rows()]).toEqual(
          [...objects].map(([item, { long, short }]) => [item, long.score, long.at, short.score, short.at]),
        );
        expect([...counts.at(NOW)]).toEqual(
          [...objects].map(([item, { long, short }]) => [
            item,
            decayedAt(long, NOW, LONG_MS),
            decayedAt(short, NOW, SHORT_MS),
          ]),
        );
        for (const item of ['a', 'f', 'unseen'])
          expect(counts.long(item, NOW)).toBe(decayedAt(objects.get(item)?.long, NOW, LONG_MS));
      }),
    );
  });

  it('gives back restored rows as they were, past the room it started with', () => {
    const counts = new DecayedCounts(LONG_MS, SHORT_MS);
    const rows = Array.from(
      { length: 40 },
      (_, index) => [`p${index}`, index, NOW - index, index / 2, NOW] as const,
    );
    for (const row of rows) counts.set(...row);
    expect(counts.size).toBe(40);
    expect([...counts.rows()]).toEqual(rows);
  });
});
