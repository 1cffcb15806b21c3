import { describe, expect, it } from 'vitest';
import { EMPTY_TOTALS, type VariantTotals } from '../totals.js';
import effectTable from './cases/relative-effects.json' with { type: 'json' };
import srmTable from './cases/srm.json' with { type: 'json' };
import { cupedRelativeDifference, type CupedArm } from './cuped.js';
import { experimentResults, type ExperimentMetric } from './index.js';
import { inferRelativeEffect } from './relative-effect.js';

interface Moment {
  readonly sum: number;
  readonly squares?: number;
}
interface Arm {
  readonly n: number;
  readonly sum?: number;
  readonly squares?: number;
  readonly numerator?: Moment;
  readonly denominator?: Moment;
  readonly post?: Moment;
  readonly pre?: Moment;
  readonly products?: number;
}
interface EffectCase {
  readonly name: string;
  readonly source: string;
  readonly kind: string;
  readonly control: Arm;
  readonly treatment: Arm;
  readonly decimals: number;
  readonly expected: { readonly uplift: number; readonly ci95?: number[]; readonly pValue: number };
}

/**
 * Each published case as the totals Attune keeps, on the metric with the same statistic: a mean is
 * revenue per unit, a proportion conversion, a ratio revenue per order, a regression-adjusted mean
 * revenue per unit with pre-exposure revenue as covariate.
 */
function asTotals(kind: string, arm: Arm): { metric: ExperimentMetric; totals: VariantTotals } {
  const base = { ...EMPTY_TOTALS, units: arm.n };
  switch (kind) {
    case 'mean':
      return {
        metric: 'revenue_per_unit',
        totals: { ...base, revenue: arm.sum!, revenueSquares: arm.squares! },
      };
    case 'proportion':
      return { metric: 'conversion', totals: { ...base, convertedUnits: arm.sum! } };
    case 'ratio':
      return {
        metric: 'aov',
        totals: {
          ...base,
          revenue: arm.numerator!.sum,
          revenueSquares: arm.numerator!.squares!,
          orders: arm.denominator!.sum,
          ordersSquares: arm.denominator!.squares!,
          revenueTimesOrders: arm.products!,
        },
      };
    default:
      return {
        metric: 'revenue_per_unit',
        totals: {
          ...base,
          revenue: arm.post!.sum,
          revenueSquares: arm.post!.squares!,
          unitsWithHistory: arm.n,
          preRevenue: arm.pre!.sum,
          preRevenueSquares: arm.pre!.squares!,
          preRevenueTimesRevenue: arm.products!,
        },
      };
  }
}

/**
 * Equal at the published rounding: half a unit in the last published decimal, but never tighter than
 * 2e-8, the accuracy of jstat's Student t tail (its incomplete beta is the Numerical Recipes continued
 * fraction, cut at 100 terms: about 1e-9 off the closed form at 1 degree of freedom, and 1.6e-8 off
 * scipy on the ratio case below). Results are read to far fewer digits than that.
 */
function expectPublished(actual: number, published: number, decimals: number): void {
  expect(Math.abs(actual - published)).toBeLessThanOrEqual(Math.max(0.5 * 10 ** -decimals, 2e-8) + 1e-12);
}

/** The public path: the case's totals through `experimentResults`, which must apply CUPED exactly for `cuped`. */
function throughResults(row: EffectCase) {
  const control = asTotals(row.kind, row.control);
  const treatment = asTotals(row.kind, row.treatment);
  const results = experimentResults(control.metric, [
    { id: 'control', weight: 50, totals: control.totals },
    { id: 'treatment', weight: 50, totals: treatment.totals },
  ]);
  const vsControl = results.variants[1]?.vsControl;
  expect(vsControl?.cuped !== undefined).toBe(row.kind === 'cuped');
  return vsControl;
}

/**
 * A 0/1 outcome adjusted by a 0/1 covariate: no Attune metric has that pair (conversion's covariate is
 * revenue), so the CUPED functions are called directly; it checks the 0/1 variance inside CUPED.
 */
function proportionCuped(row: EffectCase) {
  const arm = (a: Arm): CupedArm => ({
    post: { n: a.n, sum: a.post!.sum, squares: a.post!.sum, isProportion: true },
    pre: { n: a.n, sum: a.pre!.sum, squares: a.pre!.sum, isProportion: true },
    products: a.products!,
  });
  return inferRelativeEffect(cupedRelativeDifference(arm(row.control), arm(row.treatment)));
}

describe('relative effects against published cases', () => {
  it.each((effectTable.cases as EffectCase[]).map((row) => [row.name, row] as const))('%s', (_, row) => {
    const vsControl = row.kind === 'cuped-proportion' ? proportionCuped(row) : throughResults(row);
    expect(vsControl, row.source).toBeDefined();
    expectPublished(vsControl!.uplift, row.expected.uplift, row.decimals);
    expectPublished(vsControl!.pValue, row.expected.pValue, row.decimals);
    if (row.expected.ci95 !== undefined) {
      expectPublished(vsControl!.ci95[0], row.expected.ci95[0]!, row.decimals);
      expectPublished(vsControl!.ci95[1], row.expected.ci95[1]!, row.decimals);
    }
  });

  it('covers every statistic the metrics use', () => {
    const kinds = new Set((effectTable.cases as EffectCase[]).map((row) => row.kind));
    expect([...kinds].sort()).toEqual(['cuped', 'cuped-proportion', 'mean', 'proportion', 'ratio']);
    for (const row of effectTable.cases) expect(row.source).not.toBe('');
  });
});

describe('sample-ratio mismatch against published cases', () => {
  it.each(srmTable.cases.map((row) => [row.name, row] as const))('%s', (_, row) => {
    const results = experimentResults(
      'conversion',
      row.units.map((units, index) => ({
        id: `v${index}`,
        weight: row.weights[index]!,
        totals: { ...EMPTY_TOTALS, units },
      })),
    );
    expectPublished(results.srm.pValue, row.expected.pValue, row.decimals);
    expect(results.srm.flagged).toBe(row.expected.flagged);
  });
});
