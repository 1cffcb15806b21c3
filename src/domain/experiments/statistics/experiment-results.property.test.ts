import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addUnit, EMPTY_TOTALS, type UnitOutcome, type VariantTotals } from '../totals.js';
import { experimentResults, type ExperimentMetric, type ExperimentResults } from './index.js';

const METRICS: readonly ExperimentMetric[] = ['conversion', 'revenue_per_unit', 'aov', 'ctr'];

const unit: fc.Arbitrary<UnitOutcome> = fc
  .record({
    orders: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 })),
    revenuePerOrder: fc.integer({ min: 100, max: 20_000 }),
    impressions: fc.nat(30),
    clickShare: fc.double({ min: 0, max: 1, noNaN: true }),
    preRevenue: fc.option(fc.nat(50_000), { nil: undefined }),
  })
  .map(({ orders, revenuePerOrder, impressions, clickShare, preRevenue }) => ({
    orders,
    revenue: orders * revenuePerOrder,
    impressions,
    clicks: Math.floor(impressions * clickShare),
    preRevenue,
  }));

const arm = fc.array(unit, { maxLength: 120 });

function totalsOf(units: readonly UnitOutcome[]): VariantTotals {
  return units.reduce(addUnit, EMPTY_TOTALS);
}

function results(metric: ExperimentMetric, ...arms: (readonly UnitOutcome[])[]): ExperimentResults {
  return experimentResults(
    metric,
    arms.map((units, index) => ({ id: `v${index}`, weight: 50, totals: totalsOf(units) })),
  );
}

function comparisons(result: ExperimentResults) {
  return result.variants.flatMap((variant) => (variant.vsControl === undefined ? [] : [variant.vsControl]));
}

describe('experiment results (properties)', () => {
  it('are JSON-safe: every number finite, so serialising loses nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...METRICS), arm, arm, arm, (metric, a, b, c) => {
        const result = results(metric, a, b, c);
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      }),
    );
  });

  it('give p-values in [0, 1] and intervals that contain the uplift', () => {
    fc.assert(
      fc.property(fc.constantFrom(...METRICS), arm, arm, (metric, a, b) => {
        const result = results(metric, a, b);
        expect(result.srm.pValue).toBeGreaterThanOrEqual(0);
        expect(result.srm.pValue).toBeLessThanOrEqual(1);
        for (const comparison of comparisons(result)) {
          expect(comparison.pValue).toBeGreaterThanOrEqual(0);
          expect(comparison.pValue).toBeLessThanOrEqual(1);
          expect(comparison.ci95[0]).toBeLessThanOrEqual(comparison.uplift);
          expect(comparison.uplift).toBeLessThanOrEqual(comparison.ci95[1]);
        }
      }),
    );
  });

  it('never compare the control with itself, and give a variant identical to the control uplift 0, p = 1', () => {
    fc.assert(
      fc.property(fc.constantFrom(...METRICS), arm, (metric, a) => {
        const result = results(metric, a, a);
        expect(result.variants[0]?.vsControl).toBeUndefined();
        const comparison = result.variants[1]?.vsControl;
        if (comparison === undefined) return;
        expect(comparison.uplift).toBeCloseTo(0, 12);
        expect(comparison.pValue).toBeCloseTo(1, 6);
        expect(comparison.ci95[0]).toBeCloseTo(-comparison.ci95[1], 9);
      }),
    );
  });

  it('do not depend on the unit of money: scaling every amount leaves revenue comparisons unchanged', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ExperimentMetric>('revenue_per_unit', 'aov'),
        arm,
        arm,
        fc.constantFrom(3, 100),
        (metric, a, b, k) => {
          const scale = (units: readonly UnitOutcome[]) =>
            units.map((u) => ({
              ...u,
              revenue: u.revenue * k,
              preRevenue: u.preRevenue === undefined ? undefined : u.preRevenue * k,
            }));
          const plain = results(metric, a, b).variants[1]?.vsControl;
          const scaled = results(metric, scale(a), scale(b)).variants[1]?.vsControl;
          expect(scaled === undefined).toBe(plain === undefined);
          if (plain === undefined || scaled === undefined) return;
          expect(scaled.uplift).toBeCloseTo(plain.uplift, 9);
          expect(scaled.pValue).toBeCloseTo(plain.pValue, 6);
          expect(scaled.ci95[0]).toBeCloseTo(plain.ci95[0], 6);
          expect(scaled.ci95[1]).toBeCloseTo(plain.ci95[1], 6);
        },
      ),
    );
  });

  it('turn uplift into its opposite-signed counterpart when control and variant swap (no CUPED)', () => {
    // CUPED's uplift is a difference of adjusted means over the control's plain mean, not a ratio of
    // the two arms' means, so the identity below holds for the unadjusted comparison only.
    const withoutHistory = (units: readonly UnitOutcome[]) =>
      units.map((u) => ({ ...u, preRevenue: undefined }));
    fc.assert(
      fc.property(
        fc.constantFrom(...METRICS),
        arm.map(withoutHistory),
        arm.map(withoutHistory),
        (metric, a, b) => {
          const forward = results(metric, a, b).variants[1]?.vsControl;
          const backward = results(metric, b, a).variants[1]?.vsControl;
          if (forward === undefined || backward === undefined) return;
          // (1 + u)(1 + u') = 1 for relative differences of the same two means.
          expect((1 + forward.uplift) * (1 + backward.uplift)).toBeCloseTo(1, 9);
          expect(Math.sign(forward.uplift)).toBe(-Math.sign(backward.uplift) || 0);
        },
      ),
    );
  });

  it('report units that match their weights exactly as no mismatch (p = 1)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 1, max: 500 }),
        (weights, k) => {
          const result = experimentResults(
            'conversion',
            weights.map((weight, index) => ({
              id: `v${index}`,
              weight,
              totals: { ...EMPTY_TOTALS, units: weight * k },
            })),
          );
          expect(result.srm.pValue).toBeCloseTo(1, 9);
          expect(result.srm.flagged).toBe(false);
        },
      ),
    );
  });
});
