import type { VariantTotals } from '../totals.js';

/** The experiment metrics Attune reports on (docs/experiments.md, Statistics). */
export type ExperimentMetric = 'conversion' | 'revenue_per_unit' | 'aov' | 'ctr';

/** Each variant needs at least this many exposed units before results count as enough data. */
export const MIN_UNITS_PER_VARIANT = 100;

/**
 * …and at least this many "successes" and "failures" of the metric's underlying count: the
 * success–failure condition (n·p ≥ 10 and n·(1 − p) ≥ 10) under which the normal approximation to a
 * proportion is taken to hold (OpenIntro Statistics, §6.1). It is a floor, not a power calculation.
 */
export const MIN_EVENTS_PER_VARIANT = 10;

/**
 * Whether one variant's totals meet the documented minimum for `metric`:
 * - every metric: ≥ 100 units;
 * - `conversion`, `revenue_per_unit`: ≥ 10 converted and ≥ 10 unconverted units (revenue per unit is
 *   driven by who buys at all);
 * - `aov`: ≥ 10 converted units (orders come from buyers) — the denominator of revenue per order;
 * - `ctr`: ≥ 10 clicks and ≥ 10 impressions without a click.
 */
export function hasEnoughData(metric: ExperimentMetric, totals: VariantTotals): boolean {
  if (totals.units < MIN_UNITS_PER_VARIANT) return false;
  switch (metric) {
    case 'conversion':
    case 'revenue_per_unit':
      return (
        totals.convertedUnits >= MIN_EVENTS_PER_VARIANT &&
        totals.units - totals.convertedUnits >= MIN_EVENTS_PER_VARIANT
      );
    case 'aov':
      return totals.convertedUnits >= MIN_EVENTS_PER_VARIANT;
    case 'ctr':
      return (
        totals.clicks >= MIN_EVENTS_PER_VARIANT &&
        totals.impressions - totals.clicks >= MIN_EVENTS_PER_VARIANT
      );
  }
}
