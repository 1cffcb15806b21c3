import { bucketOf } from './bucketing.js';
import type { ExperimentAudience, ExperimentDraft, ExperimentVariant } from './experiment.js';

/** The unit as assignment sees it: its id and the request's targeting facts (lower-case). */
export interface ExperimentUnit {
  /** The customer: userId, else anonymousId. */
  readonly id: string;
  readonly segments: ReadonlySet<string>;
  readonly country?: string;
  readonly channel?: string;
  readonly device?: string;
}

/** Why a unit is not in an experiment. */
export type NotEnrolledReason = 'not_running' | 'not_scheduled' | 'audience' | 'layer' | 'traffic';

export type Assignment =
  | { readonly enrolled: true; readonly variant: ExperimentVariant }
  | { readonly enrolled: false; readonly reason: NotEnrolledReason };

/**
 * The variant a unit gets in an experiment now, decided in this order: the experiment runs and its
 * schedule is open, the unit is in the audience, in the experiment's slice of its layer (a unit
 * falls in one slice of a layer, so experiments of one layer never share a unit), within the
 * traffic, and then its variant. Every choice is a pure function of the seed, layer and unit id:
 * each node gives the same answer. The variant's point is spread over the whole traffic, as
 * GrowthBook does, so raising `trafficPercent` adds units and moves none.
 */
export function assignVariant(experiment: ExperimentDraft, unit: ExperimentUnit, now: number): Assignment {
  if (experiment.status !== 'running') return { enrolled: false, reason: 'not_running' };
  if (!isScheduled(experiment, now)) return { enrolled: false, reason: 'not_scheduled' };
  if (!isInAudience(experiment.audience, unit)) return { enrolled: false, reason: 'audience' };
  const { layer, layerSlice } = experiment;
  if (layer !== undefined && layerSlice !== undefined) {
    const point = bucketOf(`layer:${layer}`, unit.id) * 100;
    if (point < layerSlice.from || point >= layerSlice.to) return { enrolled: false, reason: 'layer' };
  }
  const coverage = layer === undefined ? experiment.trafficPercent / 100 : 1;
  const variant = variantAt(experiment.variants, bucketOf(experiment.seed, unit.id), coverage);
  return variant === undefined ? { enrolled: false, reason: 'traffic' } : { enrolled: true, variant };
}

/**
 * The variant whose range holds `point`: variant i owns [start_i, start_i + coverage × w_i) where
 * start_i is the sum of the weights before it, so the ranges keep their place as coverage grows.
 */
export function variantAt(
  variants: readonly ExperimentVariant[],
  point: number,
  coverage: number,
): ExperimentVariant | undefined {
  let start = 0;
  for (const variant of variants) {
    const width = variant.weight / 100;
    if (point >= start && point < start + width * coverage) return variant;
    start += width;
  }
  return undefined;
}

function isScheduled(experiment: ExperimentDraft, now: number): boolean {
  return (
    (experiment.startsAt === undefined || Date.parse(experiment.startsAt) <= now) &&
    (experiment.endsAt === undefined || now < Date.parse(experiment.endsAt))
  );
}

function isInAudience(audience: ExperimentAudience | undefined, unit: ExperimentUnit): boolean {
  if (audience === undefined) return true;
  const matches = (values: readonly string[] | undefined, has: (value: string) => boolean) =>
    values === undefined || values.length === 0 || values.some(has);
  return (
    matches(audience.segments, (value) => unit.segments.has(value)) &&
    matches(audience.countries, (value) => value === unit.country) &&
    matches(audience.channels, (value) => value === unit.channel) &&
    matches(audience.devices, (value) => value === unit.device)
  );
}
