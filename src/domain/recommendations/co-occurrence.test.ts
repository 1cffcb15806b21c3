import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoOccurrence } from './co-occurrence.js';

const items = Array.from({ length: 30 }, (_, index) => `p${index}`);
const item = fc.noBias(fc.integer({ min: 0, max: items.length - 1 })).map((index) => items[index] as string);

/** A write (a pair, one way or both) or a read of one product's neighbours. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), a: item, b: item, weight: fc.integer({ min: 1, max: 5 }) }),
  fc.record({
    kind: fc.constant('one-way' as const),
    a: item,
    b: item,
    weight: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({ kind: fc.constant('read' as const), a: item, limit: fc.constantFrom(1, 5, 50, 200, 250) }),
);

describe('CoOccurrence', () => {
  it('answers after any mix of reads and writes exactly as a copy that was never read in between', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 50, maxLength: 400 }), (steps) => {
        // A small `keep` makes lists fill and trim, as they do in a long history.
        const read = new CoOccurrence(4);
        const untouched = new CoOccurrence(4);
        for (const next of steps) {
          if (next.kind === 'read') {
            const answer = read.neighbours(next.a, next.limit);
            answer.pop(); // A caller changing its list changes nothing for the next one.
            continue;
          }
          for (const model of [read, untouched]) {
            if (next.kind === 'add') model.add(next.a, next.b, next.weight);
            else model.addOneWay(next.a, next.b, next.weight);
          }
        }
        for (const name of items)
          for (const limit of [3, 50, 250])
            expect(read.neighbours(name, limit)).toEqual(untouched.neighbours(name, limit));
      }),
    );
  });

  it('gives damped lists, read or not in between, as they are computed afresh', () => {
    const afresh = (model: CoOccurrence, name: string, limit: number) =>
      model
        .neighbours(name, limit)
        .map(([other, value]) => [other, value / Math.pow(1 + model.totalOf(other), 0.1)] as const)
        .sort((a, b) => b[1] - a[1]);
    fc.assert(
      fc.property(fc.array(step, { minLength: 50, maxLength: 400 }), (steps) => {
        const model = new CoOccurrence(4);
        for (const next of steps) {
          if (next.kind === 'read')
            expect(model.dampedNeighbours(next.a, next.limit, 0.1)).toEqual(
              afresh(model, next.a, next.limit),
            );
          else if (next.kind === 'add') model.add(next.a, next.b, next.weight);
          else model.addOneWay(next.a, next.b, next.weight);
        }
        for (const name of items)
          for (const limit of [3, 50])
            expect(model.dampedNeighbours(name, limit, 0.1)).toEqual(afresh(model, name, limit));
      }),
    );
  });

  it('lists the strongest neighbours first, ties by id, at most the limit', () => {
    const model = new CoOccurrence();
    model.add('a', 'b', 2);
    model.add('a', 'c', 5);
    model.add('a', 'd', 2);
    expect(model.neighbours('a', 2)).toEqual([
      ['c', 5],
      ['b', 2],
    ]);
    model.add('a', 'b', 4);
    expect(model.neighbours('a', 5)).toEqual([
      ['b', 6],
      ['c', 5],
      ['d', 2],
    ]);
    expect(model.neighbours('unknown', 5)).toEqual([]);
  });
});
