/** Experiments: per-variant totals and the statistics of their results. */
export {
  EMPTY_TOTALS,
  NEW_UNIT,
  addUnit,
  changeUnit,
  mergeTotals,
  type UnitOutcome,
  type VariantTotals,
} from './totals.js';
export {
  MIN_EVENTS_PER_VARIANT,
  MIN_UNITS_PER_VARIANT,
  SRM_THRESHOLD,
  experimentResults,
  hasEnoughData,
  sampleRatioMismatch,
  type Comparison,
  type ExperimentResults,
  type SampleRatioCheck,
  type VariantInput,
  type VariantResult,
} from './statistics/index.js';
