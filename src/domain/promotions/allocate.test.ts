import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.js';

describe('allocate', () => {
  it('splits in proportion, the parts summing exactly', () => {
    expect(allocate(100, [1000, 1000, 1000])).toEqual([34, 33, 33]);
    expect(allocate(10, [600, 300, 100])).toEqual([6, 3, 1]);
    expect(allocate(500, [100, 100])).toEqual([100, 100]);
    expect(allocate(7, [0, 0])).toEqual([0, 0]);
  });

  it('sums to the total (or to the weights), never gives a part more than its weight', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.array(fc.integer({ min: 0, max: 1e7 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          const sum = weights.reduce((acc, weight) => acc + weight, 0);
          expect(parts.reduce((acc, part) => acc + part, 0)).toBe(Math.min(total, sum));
          parts.forEach((part, index) => {
            expect(part).toBeGreaterThanOrEqual(0);
            expect(part).toBeLessThanOrEqual(weights[index] as number);
          });
        },
      ),
    );
  });
});
