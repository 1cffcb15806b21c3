/** Experiments: definitions and their checks, stable bucketing, assignment, per-variant totals and their statistics. */
export {
  NO_EXPERIMENTS,
  applyVariants,
  type AppliedExperiments,
  type ExperimentEntry,
  type ToggleSet,
} from './applied.js';
export {
  assignVariant,
  variantAt,
  type Assignment,
  type ExperimentUnit,
  type NotEnrolledReason,
} from './assign.js';
export { bucketOf, fnv1a32 } from './bucketing.js';
export { creditedByClick, isCreditedAt } from './credit.js';
export { isImpression, type ShownParts } from './impressions.js';
export { ExperimentError, type ExperimentErrorCode } from './errors.js';
export {
  EXPERIMENT_METRICS,
  changesSplit,
  draftExperiment,
  type Experiment,
  type ExperimentAudience,
  type ExperimentDraft,
  type ExperimentInput,
  type ExperimentMetric,
  type ExperimentReferences,
  type ExperimentStatus,
  type ExperimentVariant,
  type LayerSlice,
  type ListingWeights,
  type Toggles,
  type VariantChanges,
} from './experiment.js';
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
