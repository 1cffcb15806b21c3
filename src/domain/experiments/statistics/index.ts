/** Experiment statistics: relative uplift, 95 % intervals, p-values, CUPED and SRM from variant totals. */
export {
  experimentResults,
  type ExperimentResults,
  type VariantInput,
  type VariantResult,
} from './experiment-results.js';
export type { Comparison } from './compare-variants.js';
export {
  hasEnoughData,
  MIN_EVENTS_PER_VARIANT,
  MIN_UNITS_PER_VARIANT,
  type ExperimentMetric,
} from './minimums.js';
export { sampleRatioMismatch, SRM_THRESHOLD, type SampleRatioCheck } from './srm.js';
