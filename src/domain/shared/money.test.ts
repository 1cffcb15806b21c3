import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMajorUnits, majorToMinorUnits } from './money.js';

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
