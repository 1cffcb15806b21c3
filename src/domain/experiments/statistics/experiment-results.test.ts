import { describe, expect, it } from 'vitest';
import { addUnit, EMPTY_TOTALS, NEW_UNIT, type UnitOutcome, type VariantTotals } from '../totals.js';
import { experimentResults, MIN_UNITS_PER_VARIANT, type VariantInput } from './index.js';

/** `count` units with `orders` orders of `revenue` each (and the given pre-exposure spend). */
function units(count: number, outcome: Partial<UnitOutcome> = {}): UnitOutcome[] {
  return Array.from({ length: count }, () => ({ ...NEW_UNIT, ...outcome }));
}

function totalsOf(...groups: UnitOutcome[][]): VariantTotals {
  return groups.flat().reduce(addUnit, EMPTY_TOTALS);
}

function variants(...totals: VariantTotals[]): VariantInput[] {
  return totals.map((t, index) => ({ id: index === 0 ? 'control' : `v${index}`, weight: 50, totals: t }));
}

describe('experimentResults', () => {
  it('reports each variant’s figures, integer revenue and rates with a zero denominator as 0', () => {
    const control = totalsOf(units(3, { orders: 1, revenue: 1999, impressions: 4, clicks: 1 }), units(1));
    const result = experimentResults('conversion', variants(control, EMPTY_TOTALS));
    expect(result.variants[0]).toEqual({
      id: 'control',
      units: 4,
      conversions: 3,
      conversionRate: 0.75,
      orders: 3,
      revenue: 5997,
      revenuePerUnit: 5997 / 4,
      aov: 1999,
      clicks: 3,
      ctr: 3 / 12,
    });
    expect(result.variants[1]).toMatchObject({
      units: 0,
      conversionRate: 0,
      revenuePerUnit: 0,
      aov: 0,
      ctr: 0,
    });
    expect(result.variants[1]?.vsControl).toBeUndefined();
  });

  it('answers for no variants and for a control alone', () => {
    expect(experimentResults('ctr', [])).toEqual({
      enoughData: false,
      srm: { pValue: 1, flagged: false },
      variants: [],
    });
    const alone = experimentResults('ctr', variants(totalsOf(units(500))));
    expect(alone.srm).toEqual({ pValue: 1, flagged: false });
    expect(alone.variants[0]?.vsControl).toBeUndefined();
  });

  it.each([
    [
      'the control never converts',
      totalsOf(units(200)),
      totalsOf(units(20, { orders: 1, revenue: 500 }), units(180)),
    ],
    [
      'every unit converts in both arms (no variance)',
      totalsOf(units(200, { orders: 1, revenue: 500 })),
      totalsOf(units(200, { orders: 1, revenue: 500 })),
    ],
    [
      'a variant has a single unit',
      totalsOf(units(20, { orders: 1, revenue: 500 }), units(180)),
      totalsOf(units(1, { orders: 1, revenue: 500 })),
    ],
  ])('leaves vsControl out when %s', (_, control, variant) => {
    for (const metric of ['conversion', 'revenue_per_unit', 'aov', 'ctr'] as const) {
      const result = experimentResults(metric, variants(control, variant));
      expect(result.variants[1]?.vsControl).toBeUndefined();
    }
  });

  it('compares on the experiment’s metric and says which', () => {
    const control = totalsOf(units(30, { orders: 1, revenue: 1000 }), units(270));
    const variant = totalsOf(units(45, { orders: 1, revenue: 1000 }), units(255));
    const result = experimentResults('conversion', variants(control, variant));
    expect(result.variants[1]?.vsControl).toMatchObject({
      metric: 'conversion',
      uplift: expect.closeTo(0.5, 12),
    });
    expect(result.variants[1]?.vsControl?.cuped).toBeUndefined();
  });

  it('applies CUPED to revenue per unit when units have history, and it narrows the interval', () => {
    // Spend after exposure follows spend before it, plus noise that is the same in both arms.
    const arm = (lift: number) =>
      totalsOf(
        Array.from({ length: 400 }, (_, index) => {
          const pre = 1000 + ((index * 7919) % 5000);
          const noise = ((index * 104729) % 900) - 450;
          const revenue = Math.max(0, Math.round(pre * 0.8 * lift + noise));
          return { ...NEW_UNIT, orders: revenue > 0 ? 1 : 0, revenue, preRevenue: pre };
        }),
      );
    const withHistory = experimentResults('revenue_per_unit', variants(arm(1), arm(1.05)));
    const strip = (t: VariantTotals): VariantTotals => ({ ...t, unitsWithHistory: 0 });
    const without = experimentResults('revenue_per_unit', variants(strip(arm(1)), strip(arm(1.05))));
    const adjusted = withHistory.variants[1]?.vsControl;
    const plain = without.variants[1]?.vsControl;
    expect(adjusted?.cuped?.varianceReduction).toBeGreaterThan(0.5);
    expect(plain?.cuped).toBeUndefined();
    const width = (ci: readonly [number, number] | undefined) => (ci === undefined ? NaN : ci[1] - ci[0]);
    expect(width(adjusted?.ci95)).toBeLessThan(width(plain?.ci95));
  });

  it('never applies CUPED to ratio metrics', () => {
    const arm = totalsOf(
      units(150, { orders: 2, revenue: 3000, impressions: 10, clicks: 2, preRevenue: 100 }),
      units(150, { orders: 1, revenue: 900, impressions: 5, clicks: 1, preRevenue: 5000 }),
    );
    for (const metric of ['aov', 'ctr'] as const) {
      const result = experimentResults(metric, variants(arm, arm));
      expect(result.variants[1]?.vsControl?.cuped).toBeUndefined();
    }
  });

  it('has enough data only when every variant meets the minimum for the metric', () => {
    const enough = totalsOf(
      units(10, { orders: 1, revenue: 100, impressions: 20, clicks: 10 }),
      units(MIN_UNITS_PER_VARIANT - 10),
    );
    const tooFewUnits = totalsOf(
      units(10, { orders: 1, revenue: 100, impressions: 20, clicks: 10 }),
      units(MIN_UNITS_PER_VARIANT - 11),
    );
    const tooFewConversions = totalsOf(
      units(9, { orders: 1, revenue: 100 }),
      units(200, { impressions: 2, clicks: 1 }),
    );
    expect(experimentResults('conversion', variants(enough, enough)).enoughData).toBe(true);
    expect(experimentResults('conversion', variants(enough, tooFewUnits)).enoughData).toBe(false);
    expect(experimentResults('conversion', variants(enough, tooFewConversions)).enoughData).toBe(false);
    expect(experimentResults('aov', variants(enough, tooFewConversions)).enoughData).toBe(false);
    expect(experimentResults('ctr', variants(enough, tooFewConversions)).enoughData).toBe(true);
  });

  it('flags a sample-ratio mismatch against the configured weights', () => {
    const at = (n: number, weight: number) => ({
      id: `w${weight}`,
      weight,
      totals: { ...EMPTY_TOTALS, units: n },
    });
    expect(experimentResults('conversion', [at(5000, 50), at(5000, 50)]).srm.flagged).toBe(false);
    expect(experimentResults('conversion', [at(5000, 50), at(4600, 50)]).srm.flagged).toBe(true);
    expect(experimentResults('conversion', [at(9000, 90), at(1000, 10)]).srm).toEqual({
      pValue: 1,
      flagged: false,
    });
  });
});

describe('experimentResults and CUPED without a usable covariate', () => {
  it('reports no adjustment when every known pre-exposure spend is the same', () => {
    const arm = (converted: number) =>
      [
        ...units(converted, { orders: 1, revenue: 700, preRevenue: 0 }),
        ...units(300 - converted, { preRevenue: 0 }),
      ].reduce(addUnit, EMPTY_TOTALS);
    const result = experimentResults('conversion', variants(arm(30), arm(40)));
    expect(result.variants[1]?.vsControl).toBeDefined();
    expect(result.variants[1]?.vsControl?.cuped).toBeUndefined();
  });
});
