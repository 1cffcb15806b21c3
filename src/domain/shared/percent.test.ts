import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lessPercent, percentOf, percentOfRoundedUp } from './percent.js';

describe('percentages of money', () => {
  it.each([
    [999, 12.5, 125],
    [1000, 10, 100],
    [295, 10, 30],
    [285, 10, 28],
    [1, 50, 0],
    [3, 50, 2],
    [10000, 0.29, 29],
    [1999, 33.333, 666],
  ])('%s × %s %% is %s (half-even)', (amount, percent, expected) => {
    expect(percentOf(amount, percent)).toBe(expected);
  });

  it('rounds a floor up', () => {
    expect(percentOfRoundedUp(1001, 10)).toBe(101);
    expect(percentOfRoundedUp(1000, 10)).toBe(100);
  });

  it('never takes more than the amount, nor leaves a negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 10_000 }),
        (amount, basisPoints) => {
          const left = lessPercent(amount, basisPoints / 100);
          expect(left).toBeGreaterThanOrEqual(0);
          expect(left).toBeLessThanOrEqual(amount);
        },
      ),
    );
  });
});
