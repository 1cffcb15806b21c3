import type { Experiment, ExperimentDraft, VariantTotals } from '../domain/experiments/index.js';
import type { VersionPrecondition, WriteOptions } from './catalog-store.js';

/** A unit's stored variant in one experiment: what keeps it sticky. */
export interface UnitAssignment {
  readonly experimentId: string;
  /** Salted hash of the unit's id (`user:` or `anon:`), as erasure keys it. */
  readonly unitKey: string;
  readonly variant: string;
  /** Epoch ms of the unit's first exposure. */
  readonly exposedAt: number;
}

/** A unit's first exposure, as the exposure log writes it. */
export interface Exposure extends UnitAssignment {
  /** Spend before the exposure, minor units of the store currency; undefined without history. */
  readonly preRevenue: number | undefined;
}

/** What one order or click adds to a unit's outcome. */
export interface OutcomeDelta {
  readonly orders?: number;
  /** Minor units of the store currency. */
  readonly revenue?: number;
  readonly clicks?: number;
  readonly impressions?: number;
}

/** Answers that showed what an experiment tests, to one unit. */
export interface ImpressionCount {
  readonly experimentId: string;
  /** Salted hashes of every id the unit is known by. */
  readonly unitKeys: readonly string[];
  readonly impressions: number;
}

/** Experiments (versioned documents), their units' assignments and each variant's running totals. */
export interface ExperimentStore {
  putExperiment(draft: ExperimentDraft, options: WriteOptions): Promise<Experiment>;
  getExperiment(id: string): Promise<Experiment | undefined>;
  listExperiments(): Promise<Experiment[]>;
  /** Deletes an experiment with its assignments and totals; false when it did not exist. */
  deleteExperiment(id: string, ifVersion: VersionPrecondition | undefined): Promise<boolean>;
  /** The assignments held under any of `unitKeys`, in every experiment. */
  findAssignments(unitKeys: readonly string[]): Promise<UnitAssignment[]>;
  /**
   * Records first exposures and counts each new unit once in its variant's totals, in one
   * transaction. A unit already recorded in the experiment keeps its first record (the totals do not
   * move); an exposure of an id erased at or after it is dropped. Resolves to how many were new.
   */
  recordExposures(exposures: readonly Exposure[]): Promise<number>;
  /**
   * Adds `delta` to the outcome of every unit held under `unitKeys` in one of `experimentIds` whose
   * first exposure was at or before `at` (epoch ms), and moves its variant's totals by the change, in
   * one transaction. The caller names the experiments the outcome may count for (running at `at`).
   */
  attributeOutcome(
    unitKeys: readonly string[],
    at: number,
    delta: OutcomeDelta,
    experimentIds: readonly string[],
  ): Promise<void>;
  /**
   * Adds each entry's impressions to its unit in its experiment (the unit held under any of
   * `unitKeys`), and moves the variant's totals by the change, in one transaction.
   */
  addImpressions(entries: readonly ImpressionCount[]): Promise<void>;
  /** Each variant's totals (variants with no unit yet are absent). */
  variantTotals(experimentId: string): Promise<Map<string, VariantTotals>>;
}
