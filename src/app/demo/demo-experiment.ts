import { assignVariant, fnv1a32, type ExperimentInput } from '../../domain/experiments/index.js';
import type { ExperimentStore, Exposure } from '../../ports/experiment-store.js';
import type { Identity } from '../../ports/store.js';
import type { ExperimentService } from '../experiments/experiment-service.js';

/** The demo's experiment: the home page's recommendations slot (`for-you`), for-you against popular, with a holdout. */
export const DEMO_EXPERIMENT_ID = 'home-recs';
const HOME_SLOT = 'for-you';

export const DEMO_EXPERIMENT: ExperimentInput = {
  name: 'Home recommendations: for you vs popular, with a 10 % personalisation holdout',
  status: 'running',
  metric: 'revenue_per_unit',
  variants: [
    { id: 'for-you', weight: 45, changes: { recommendations: { [HOME_SLOT]: { strategy: 'for-you' } } } },
    { id: 'popular', weight: 45, changes: { recommendations: { [HOME_SLOT]: { strategy: 'popular' } } } },
    { id: 'holdout', weight: 10, changes: { personalization: false } },
  ],
};

/** Simulated visitors replayed into the experiment at demo load, so its results have numbers at once. */
const VISITORS = 2_000;
/** Per variant: chance of a click per impression, of an order per unit, and the order value (pence). */
const BEHAVIOUR: Record<string, { click: number; order: number; value: number }> = {
  'for-you': { click: 0.12, order: 0.09, value: 3_400 },
  popular: { click: 0.09, order: 0.07, value: 3_000 },
  holdout: { click: 0.06, order: 0.05, value: 2_800 },
};

/** A number in [0, 1) fixed by its inputs: the same simulated traffic on every load. */
const chance = (...parts: (string | number)[]) => fnv1a32(parts.join('|')) / 2 ** 32;

/**
 * Puts the demo experiment and replays simulated traffic into it through the experiment store:
 * anonymous visitors `demo-visitor-<n>` are assigned as a live answer would assign them, see the
 * slot one to five times, and click and order with fixed per-variant chances. Their ids are not
 * real customers'; the traffic shows in `GET /v1/experiments/home-recs/results`, not in profiles.
 */
export async function setUpDemoExperiment(deps: {
  readonly experiments: ExperimentService;
  readonly store: ExperimentStore;
  readonly hashId: (identity: Identity) => string;
  readonly now: number;
}): Promise<void> {
  const experiment = await deps.experiments.put(DEMO_EXPERIMENT_ID, DEMO_EXPERIMENT);
  const exposedAt = deps.now - 60_000;
  const exposures: Exposure[] = [];
  for (let index = 0; index < VISITORS; index += 1) {
    const id = `demo-visitor-${index}`;
    const assigned = assignVariant(experiment, { id, segments: new Set() }, exposedAt);
    if (!assigned.enrolled) continue;
    const unitKey = deps.hashId({ kind: 'anon', value: id });
    exposures.push({
      experimentId: experiment.id,
      unitKey,
      variant: assigned.variant.id,
      exposedAt,
      preRevenue: undefined,
    });
  }
  const added = await deps.store.recordExposures(exposures);
  if (added === 0) return;
  await deps.store.addImpressions(
    exposures.map((exposure) => ({
      experimentId: exposure.experimentId,
      unitKeys: [exposure.unitKey],
      impressions: 1 + Math.floor(chance(exposure.unitKey, 'views') * 5),
    })),
  );
  for (const exposure of exposures) {
    const behaviour = BEHAVIOUR[exposure.variant];
    if (behaviour === undefined) continue;
    const clicked = chance(exposure.unitKey, 'click') < behaviour.click * 3;
    const ordered = chance(exposure.unitKey, 'order') < behaviour.order;
    if (!clicked && !ordered) continue;
    const value = Math.round(behaviour.value * (0.5 + chance(exposure.unitKey, 'value')));
    await deps.store.attributeOutcome(
      [exposure.unitKey],
      exposedAt + 1_000,
      {
        ...(clicked && { clicks: 1 }),
        ...(ordered && { orders: 1, revenue: value }),
      },
      [experiment.id],
    );
  }
}
