import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoPurchaseCounts } from './co-purchase-counts.js';
import { TripleChunks, type EaseCounts } from './ease-training-set.js';
import { trainEase } from './ease.js';

describe('triple chunks', () => {
  it('keep every triple in the order added, across chunks, the last one cut to what it holds', () => {
    const triples = new TripleChunks(2);
    for (let index = 0; index < 5; index += 1) triples.add(index, index + 1, 10 * index);
    expect(triples.chunks().map((chunk) => [...chunk])).toEqual([
      [0, 1, 0, 1, 2, 10],
      [2, 3, 20, 3, 4, 30],
      [4, 5, 40],
    ]);
  });

  it('train the same EASE however the counts are cut into chunks', () => {
    const n = 6;
    const pairs = fc.uniqueArray(
      fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })),
      { selector: ([i, j]) => `${Math.min(i, j)} ${Math.max(i, j)}` },
    );
    fc.assert(
      fc.property(pairs, fc.integer({ min: 1, max: 4 }), (list, triplesPerChunk) => {
        const distinct = list.filter(([i, j]) => i !== j);
        const buyers = Int32Array.from({ length: n }, () => 2 * n);
        const counts = (chunks: TripleChunks): EaseCounts => {
          distinct.forEach(([i, j], index) => chunks.add(i, j, 1 + (index % 3)));
          return { buyers, pairs: chunks.chunks() };
        };
        const items = Array.from({ length: n }, (_, index) => `p${index}`);
        const whole = trainEase({ items, counts: counts(new TripleChunks()) }, 5);
        const cut = trainEase({ items, counts: counts(new TripleChunks(triplesPerChunk)) }, 5);
        expect(cut.weights).toEqual(whole.weights);
      }),
    );
  });
});

describe('co-purchase counts read for EASE in steps', () => {
  it('pause after as many pairs as asked, not after a number of items', () => {
    const counts = new CoPurchaseCounts();
    const items = Array.from({ length: 41 }, (_, index) => `p${index}`);
    // Two customers buy the same 41 items: 820 pairs, the first item's 40 down to the last's none.
    for (let customer = 0; customer < 2; customer += 1) counts.addCustomer(items, 1);
    const steps = counts.trainingSetSteps(items.length, 100);
    let pauses = 0;
    let step = steps.next();
    for (; step.done !== true; step = steps.next()) pauses += 1;
    // Each pause follows 100 pairs read at least, and at most 100 more than one item's 40.
    expect(pauses).toBeGreaterThanOrEqual(5);
    expect(pauses).toBeLessThanOrEqual(8);
    expect(step.value).toEqual(counts.trainingSet(items.length));
  });

  it('read as they stand a pair with a product first bought while they paused, leaving it out', () => {
    const counts = new CoPurchaseCounts();
    for (let customer = 0; customer < 3; customer += 1) counts.addCustomer(['a', 'b', 'c'], 1);
    const steps = counts.trainingSetSteps(3, 1);
    expect(steps.next().done).toBe(false);
    counts.addFirst('z', ['c']);
    let step = steps.next();
    while (step.done !== true) step = steps.next();
    expect(step.value).toEqual(counts.trainingSet(3));
  });

  it('give no training set when a prune while they paused dropped one of its items', () => {
    const counts = new CoPurchaseCounts(4);
    for (const basket of [
      ['a', 'b'],
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ])
      counts.addCustomer(basket, 1);
    const steps = counts.trainingSetSteps(4, 1);
    expect(steps.next().done).toBe(false);
    // A fifth pair passes the bound: `b` (3 buyers since it was first seen, the slowest) is no
    // longer followed.
    for (const basket of [
      ['a', 'c'],
      ['b', 'd'],
      ['a', 'd'],
    ])
      counts.addCustomer(basket, 1);
    expect(['a', 'b', 'c', 'd'].map((item) => counts.follows(item))).toEqual([true, false, true, true]);
    let step = steps.next();
    while (step.done !== true) step = steps.next();
    expect(step.value).toBeUndefined();
    expect(counts.trainingSet(4)?.items).toEqual(['a', 'd', 'c']);
  });
});
