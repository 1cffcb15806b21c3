import type { VariantTotals } from '../totals.js';
import { cupedRelativeDifference, cupedTheta, type CupedArm } from './cuped.js';
import type { ExperimentMetric } from './minimums.js';
import { ratioMoments, sampleMoments, type Moments, type Sums } from './moments.js';
import { inferRelativeEffect, relativeDifference, type RelativeEffect } from './relative-effect.js';

/** A variant against the control on the experiment's metric. */
export interface Comparison {
  readonly metric: ExperimentMetric;
  /** Relative: 0.12 is +12 %. */
  readonly uplift: number;
  readonly ci95: readonly [number, number];
  readonly pValue: number;
  /** Present when CUPED was applied: 1 − var(adjusted uplift)/var(unadjusted uplift). */
  readonly cuped?: { readonly varianceReduction: number };
}

/**
 * Compares a variant with the control on `metric`, in this order:
 * 1. the unadjusted relative effect (delta method; ratio metrics by the delta method for ratios);
 * 2. for `conversion` and `revenue_per_unit`, when both arms have units with a known pre-exposure spend,
 *    the CUPED-adjusted effect with pre-exposure revenue as covariate, reported with its variance
 *    reduction against step 1; `aov` and `ctr` are never adjusted (the totals hold no pre-period orders,
 *    impressions or clicks, which a ratio adjustment needs).
 * `undefined` when the comparison is degenerate (too few units, no variance, control mean 0).
 */
export function compareVariants(
  metric: ExperimentMetric,
  control: VariantTotals,
  treatment: VariantTotals,
): Comparison | undefined {
  const raw = rawEffect(metric, control, treatment);
  if (raw === undefined) return undefined;
  const adjusted = cupedEffect(metric, control, treatment);
  if (adjusted === undefined) return toComparison(metric, raw);
  return toComparison(metric, adjusted, 1 - adjusted.variance / raw.variance);
}

function rawEffect(metric: ExperimentMetric, a: VariantTotals, b: VariantTotals): RelativeEffect | undefined {
  const moments = (totals: VariantTotals) => metricMoments(metric, totals);
  const control = moments(a);
  const treatment = moments(b);
  if (control === undefined || treatment === undefined) return undefined;
  return inferRelativeEffect(relativeDifference(control, treatment));
}

function cupedEffect(
  metric: ExperimentMetric,
  a: VariantTotals,
  b: VariantTotals,
): RelativeEffect | undefined {
  if (metric !== 'conversion' && metric !== 'revenue_per_unit') return undefined;
  if (a.unitsWithHistory === 0 || b.unitsWithHistory === 0) return undefined;
  const control = cupedArm(metric, a);
  const treatment = cupedArm(metric, b);
  // θ = 0 (the covariate does not vary, or the outcome does not) is no adjustment: report none.
  if (cupedTheta(control, treatment) === 0) return undefined;
  return inferRelativeEffect(cupedRelativeDifference(control, treatment));
}

function metricMoments(metric: ExperimentMetric, t: VariantTotals): Moments | undefined {
  switch (metric) {
    case 'conversion':
    case 'revenue_per_unit':
      return sampleMoments(outcomeSums(metric, t));
    case 'aov':
      return ratioMoments(
        sums(t.units, t.revenue, t.revenueSquares),
        sums(t.units, t.orders, t.ordersSquares),
        t.revenueTimesOrders,
      );
    case 'ctr':
      return ratioMoments(
        sums(t.units, t.clicks, t.clicksSquares),
        sums(t.units, t.impressions, t.impressionsSquares),
        t.clicksTimesImpressions,
      );
  }
}

function outcomeSums(metric: 'conversion' | 'revenue_per_unit', t: VariantTotals): Sums {
  return metric === 'conversion'
    ? { n: t.units, sum: t.convertedUnits, squares: t.convertedUnits, isProportion: true }
    : sums(t.units, t.revenue, t.revenueSquares);
}

function cupedArm(metric: 'conversion' | 'revenue_per_unit', t: VariantTotals): CupedArm {
  return {
    post: outcomeSums(metric, t),
    pre: sums(t.units, t.preRevenue, t.preRevenueSquares),
    products: metric === 'conversion' ? t.preRevenueTimesConverted : t.preRevenueTimesRevenue,
  };
}

function sums(n: number, sum: number, squares: number): Sums {
  return { n, sum, squares, isProportion: false };
}

function toComparison(
  metric: ExperimentMetric,
  effect: RelativeEffect,
  varianceReduction?: number,
): Comparison {
  const base = { metric, uplift: effect.uplift, ci95: effect.ci95, pValue: effect.pValue };
  return varianceReduction !== undefined && Number.isFinite(varianceReduction)
    ? { ...base, cuped: { varianceReduction } }
    : base;
}
