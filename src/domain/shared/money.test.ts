import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideHalfEven, formatMajorUnits, majorToMinorUnits } from './money.js';

describe('majorToMinorUnits', () => {
  it.each([
    [18.99, 'GBP', 1899],
    [0.1 + 0.2, 'GBP', 30],
    [500, 'JPY', 500],
    [1.2345, 'KWD', 1234],
    [0.015, 'GBP', 2],
    [0.025, 'GBP', 2],
    [2.5, 'JPY', 2],
    [3.5, 'JPY', 4],
    [0, 'GBP', 0],
    [1e-9, 'GBP', 0],
    [19.999, 'GBP', 2000],
  ])('%s %s is %s minor units', (major, currency, minor) => {
    expect(majorToMinorUnits(major, currency)).toBe(minor);
  });

  it.each([[-0.01], [Number.NaN], [Number.POSITIVE_INFINITY], [1e30]])('rejects %s', (major) => {
    expect(majorToMinorUnits(major, 'GBP')).toBeUndefined();
  });

  it('recovers every whole number of pence written as a decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (pence) => {
        expect(majorToMinorUnits(pence / 100, 'GBP')).toBe(pence);
      }),
    );
  });

  it('survives float drift from summing decimal prices', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 30 }), (pennies) => {
        const floatSum = pennies.reduce((sum, p) => sum + p / 100, 0);
        const exact = pennies.reduce((sum, p) => sum + p, 0);
        expect(majorToMinorUnits(floatSum, 'GBP')).toBe(exact);
      }),
    );
  });
});

describe('formatMajorUnits', () => {
  it.each([
    [{ amount: 1899, currency: 'GBP' }, '18.99'],
    [{ amount: 5, currency: 'GBP' }, '0.05'],
    [{ amount: 500, currency: 'JPY' }, '500'],
    [{ amount: 1234, currency: 'KWD' }, '1.234'],
  ])('%o is %s', (money, text) => {
    expect(formatMajorUnits(money)).toBe(text);
  });
});

describe('divideHalfEven', () => {
  it.each([
    [5, 2, 2],
    [7, 2, 4],
    [512345, 35, 14638],
    [10, 3, 3],
    [11, 3, 4],
    [0, 7, 0],
  ])('%s / %s is %s', (numerator, denominator, quotient) => {
    expect(divideHalfEven(numerator, denominator)).toBe(quotient);
  });

  it('never strays more than half a unit from the exact quotient', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 1e6 }),
        (numerator, denominator) => {
          expect(
            Math.abs(divideHalfEven(numerator, denominator) * denominator - numerator),
          ).toBeLessThanOrEqual(denominator / 2);
        },
      ),
    );
  });
});
