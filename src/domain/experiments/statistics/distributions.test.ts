import { describe, expect, it } from 'vitest';
import table from './cases/distributions.json' with { type: 'json' };
import { chiSquareSurvival, tQuantile, twoSidedPValue } from './distributions.js';

/** The table's infinity row, as a number of degrees of freedom past which the normal is used. */
const INFINITE_DOF = 1e9;

describe('distributions against published critical values', () => {
  it.each(table.studentT.cases.map((row) => [row.dof ?? '∞', row.alpha, row] as const))(
    'Student t, %s degrees of freedom, upper tail %s',
    (_, __, row) => {
      const dof = row.dof ?? INFINITE_DOF;
      expect(Math.abs(tQuantile(1 - row.alpha, dof) - row.critical)).toBeLessThanOrEqual(5e-4 + 1e-12);
      // The two-sided p-value of the critical value is twice its upper tail (to the table's rounding).
      expect(twoSidedPValue(row.critical, dof)).toBeCloseTo(2 * row.alpha, 3);
    },
  );

  it.each(table.chiSquare.cases.map((row) => [row.dof, row.alpha, row] as const))(
    'chi-square, %s degrees of freedom, upper tail %s',
    (_, __, row) => {
      // A critical value printed to 3 decimals moves the tail by at most density × 5e-4 < 1e-4.
      expect(Math.abs(chiSquareSurvival(row.critical, row.dof) - row.alpha)).toBeLessThan(1e-4);
    },
  );

  it('keeps p-values in [0, 1] at the extremes', () => {
    expect(twoSidedPValue(0, 10)).toBeCloseTo(1, 9);
    expect(twoSidedPValue(1e6, 10)).toBeGreaterThanOrEqual(0);
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareSurvival(1e6, 3)).toBe(0);
  });
});
