import type { VariantTotals } from '../totals.js';
import { compareVariants, type Comparison } from './compare-variants.js';
import { hasEnoughData, type ExperimentMetric } from './minimums.js';
import { sampleRatioMismatch, type SampleRatioCheck } from './srm.js';

/** One variant as the experiment service hands it over: its configured weight and its totals. */
export interface VariantInput {
  readonly id: string;
  /** Configured traffic weight (integers summing to 100 in an experiment; any positive scale works). */
  readonly weight: number;
  readonly totals: VariantTotals;
}

/** One variant's figures. Rates whose denominator is 0 are 0. */
export interface VariantResult {
  readonly id: string;
  readonly units: number;
  /** Units with at least one attributed order. */
  readonly conversions: number;
  readonly conversionRate: number;
  readonly orders: number;
  /** Attributed revenue, integer minor units (the service wraps it as Money). */
  readonly revenue: number;
  /** Minor units per unit, may be fractional. */
  readonly revenuePerUnit: number;
  /** Minor units per order, may be fractional. */
  readonly aov: number;
  readonly clicks: number;
  /** Clicks per impression. */
  readonly ctr: number;
  /** Absent for the control, and whenever the comparison is degenerate. */
  readonly vsControl?: Comparison;
}

export interface ExperimentResults {
  /** Every variant meets the documented minimum for the metric (see `hasEnoughData`). */
  readonly enoughData: boolean;
  readonly srm: SampleRatioCheck;
  readonly variants: readonly VariantResult[];
}

/**
 * The results of an experiment on `metric`, in this order:
 * 1. each variant's plain figures from its totals;
 * 2. the sample-ratio-mismatch check of units against the weights;
 * 3. whether every variant has enough data for the metric;
 * 4. each non-control variant against the first variant (the control), on the metric, with CUPED where
 *    it applies. A degenerate comparison is left out rather than reported as NaN or Infinity.
 * Every number in the answer is finite, so it serialises to JSON as it is.
 */
export function experimentResults(
  metric: ExperimentMetric,
  variants: readonly VariantInput[],
): ExperimentResults {
  const control = variants[0];
  return {
    enoughData: variants.length > 0 && variants.every((variant) => hasEnoughData(metric, variant.totals)),
    srm: sampleRatioMismatch(
      variants.map((variant) => variant.totals.units),
      variants.map((variant) => variant.weight),
    ),
    variants: variants.map((variant, index) => {
      const figures = variantFigures(variant);
      if (index === 0 || control === undefined) return figures;
      const vsControl = compareVariants(metric, control.totals, variant.totals);
      return vsControl === undefined ? figures : { ...figures, vsControl };
    }),
  };
}

function variantFigures({ id, totals }: VariantInput): VariantResult {
  const ratio = (numerator: number, denominator: number) =>
    denominator > 0 && Number.isFinite(numerator / denominator) ? numerator / denominator : 0;
  return {
    id,
    units: totals.units,
    conversions: totals.convertedUnits,
    conversionRate: ratio(totals.convertedUnits, totals.units),
    orders: totals.orders,
    revenue: Math.round(totals.revenue),
    revenuePerUnit: ratio(totals.revenue, totals.units),
    aov: ratio(totals.revenue, totals.orders),
    clicks: totals.clicks,
    ctr: ratio(totals.clicks, totals.impressions),
  };
}
