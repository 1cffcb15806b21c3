import type { ExperimentEntry } from './applied.js';
import type { Experiment } from './experiment.js';
import { isImpression } from './impressions.js';

/** The slot name a listing answer is known by in a decision and in a click's `slot`. */
const LISTING_SLOT = 'listing';

/**
 * Whether an order or click made at `at` (epoch ms) may count for the experiment: only while it
 * runs. One made at or after its `endsAt`, or once it is stopped (at `stoppedAt`; an experiment
 * stopped before that was kept, at its last change), belongs to no variant: the units were no longer
 * shown what the experiment tests.
 */
export function isCreditedAt(
  experiment: Pick<Experiment, 'status' | 'endsAt' | 'stoppedAt' | 'updatedAt'>,
  at: number,
): boolean {
  if (experiment.status === 'draft') return false;
  if (experiment.endsAt !== undefined && at >= Date.parse(experiment.endsAt)) return false;
  const stoppedAt = experiment.stoppedAt ?? experiment.updatedAt;
  return experiment.status !== 'stopped' || at < Date.parse(stoppedAt);
}

/**
 * The experiments a click citing a decision counts for: those the decision applied (its
 * `experiments`) and, when the click names the `slot` it came from, whose variants change that
 * slot or the whole answer (see {@link isImpression}). Experiments since deleted count for nothing.
 */
export function creditedByClick(
  applied: readonly ExperimentEntry[],
  slot: string | undefined,
  experiments: ReadonlyMap<string, Experiment>,
): Experiment[] {
  const credited: Experiment[] = [];
  for (const { experimentId } of applied) {
    const experiment = experiments.get(experimentId);
    if (experiment === undefined) continue;
    if (
      slot !== undefined &&
      !isImpression(experiment, { recommendations: [slot], content: [slot], listing: slot === LISTING_SLOT })
    )
      continue;
    credited.push(experiment);
  }
  return credited;
}
