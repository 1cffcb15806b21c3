import { describe, expect, it } from 'vitest';
import { Blend } from './blend.js';

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
});
