import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nthSmallest } from './nth-smallest.js';

describe('nthSmallest', () => {
  it('answers what sorting answers, at every rank, and leaves the list as it was', () => {
    // Few distinct values as well as many: ties around the rank are where a selection goes wrong.
    // (−0 and 0 are equal to a selection and apart to a sort: no weight is −0.)
    const value = fc.oneof(
      fc.constantFrom(0, 1, 2, 0.5, -3),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((double) => double + 0),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 700 }), fc.nat(), (values, seed) => {
        const before = [...values];
        const sorted = Float64Array.from(values).sort();
        const rank = seed % values.length;
        expect(nthSmallest(values, rank)).toBe(sorted[rank]);
        expect(nthSmallest(values, 0)).toBe(sorted[0]);
        expect(nthSmallest(values, values.length - 1)).toBe(sorted[values.length - 1]);
        expect(values).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a rank outside the list', () => {
    expect(() => nthSmallest([], 0)).toThrow(RangeError);
    expect(() => nthSmallest([1, 2], 2)).toThrow(RangeError);
    expect(() => nthSmallest([1, 2], -1)).toThrow(RangeError);
    expect(() => nthSmallest([1, 2], 0.5)).toThrow(RangeError);
  });
});
