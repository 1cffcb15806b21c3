import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Blend, type Component } from './blend.js';

const universe = {
  items: ['a', 'b', 'c'],
  index: new Map([
    ['a', 0],
    ['b', 1],
    ['c', 2],
  ]),
};

describe('Blend', () => {
  it('ranks dense and sparse components together, each item explained by what said most for it', () => {
    const blend = new Blend(universe);
    blend.addDense([4, 2, 0], 1, (item) => `dense ${item}`);
    blend.add(
      [
        ['b', 10],
        ['x', 5],
      ],
      1,
      (item) => `sparse ${item}`,
    );
    const ranked = blend.ranked(10);
    // a: 1 (dense); b: 0.5 dense + 1 sparse; x: 0.5 sparse; c scored nothing.
    expect(ranked.map(({ productId, score }) => [productId, score])).toEqual([
      ['b', 1.5],
      ['a', 1],
      ['x', 0.5],
    ]);
    expect(ranked.map((candidate) => candidate.reason(candidate.productId))).toEqual([
      'sparse b',
      'dense a',
      'sparse x',
    ]);
  });

  it('keeps the best within the limit and leaves excluded items out', () => {
    const blend = new Blend(universe);
    blend.addDense([3, 2, 1], 1, () => 'dense');
    blend.add([['y', 9]], 0.1, () => 'sparse');
    blend.exclude(['a', 'y']);
    expect(blend.ranked(1).map((candidate) => candidate.productId)).toEqual(['b']);
  });

  it('gives every candidate of a component the same reason function, so kept candidates hold no closure each', () => {
    const blend = new Blend(universe);
    blend.addDense([3, 2, 1], 1, (item) => `because of ${item}`);
    const [first, second] = blend.ranked(2);
    expect(first?.reason).toBe(second?.reason);
    expect(second?.reason(second.productId)).toBe('because of b');
  });

  it('keeps, at any limit, the head of the whole ranking: ties at the cut-off included', () => {
    // Few distinct values, so that many items tie at the cut-off; ids inside and outside the universe.
    const score = fc.constantFrom(0, 1, 2, 3, 0.5);
    const ids = fc.constantFrom(...Array.from({ length: 60 }, (_, index) => `p${index}`));
    const dense = fc.array(score, { minLength: 40, maxLength: 40 });
    const sparse = fc.array(fc.tuple(ids, score), { maxLength: 40 });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(dense, sparse), { minLength: 1, maxLength: 4 }),
        fc.array(ids, { maxLength: 10 }),
        fc.integer({ min: 1, max: 70 }),
        (components, excluded, limit) => {
          const items = Array.from({ length: 40 }, (_, index) => `p${index}`);
          const blended = () => {
            const blend = new Blend({ items, index: new Map(items.map((item, index) => [item, index])) });
            for (const component of components) {
              if (typeof component[0] === 'number') blend.addDense(component as number[], 1, () => 'dense');
              else blend.add(component as [string, number][], 0.5, () => 'sparse');
            }
            blend.exclude(excluded);
            return blend;
          };
          const shown = (ranked: ReturnType<Blend['ranked']>) =>
            ranked.map(({ productId, score, reason }) => [productId, score, reason(productId)]);
          const whole = shown(blended().ranked(Number.MAX_SAFE_INTEGER));
          expect(shown(blended().ranked(limit))).toEqual(whole.slice(0, limit));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a component the same whether it comes as a list, a map or a one-pass iterable', () => {
    const ids = fc.constantFrom(...Array.from({ length: 30 }, (_, index) => `p${index}`));
    const component = fc.uniqueArray(fc.tuple(ids, fc.constantFrom(-1, 0, 0.5, 1, 2, 7)), {
      selector: ([id]) => id,
      maxLength: 30,
    });
    fc.assert(
      fc.property(component, component, (first, second) => {
        const items = Array.from({ length: 15 }, (_, index) => `p${index}`);
        const ranked = (as: (pairs: [string, number][]) => Component) => {
          const blend = new Blend({ items, index: new Map(items.map((item, index) => [item, index])) });
          blend.add(as(first), 1, () => 'first');
          blend.add(as(second), 0.5, () => 'second');
          return blend
            .ranked(Number.MAX_SAFE_INTEGER)
            .map(({ productId, score, reason }) => [productId, score, reason(productId)]);
        };
        const listed = ranked((pairs) => pairs);
        expect(ranked((pairs) => new Map(pairs))).toEqual(listed);
        expect(
          ranked(function* (pairs) {
            yield* pairs;
          }),
        ).toEqual(listed);
      }),
      { numRuns: 200 },
    );
  });
});
