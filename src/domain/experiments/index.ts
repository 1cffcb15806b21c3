/** Experiments: definitions and their checks, stable bucketing, assignment, and per-variant totals. */
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
