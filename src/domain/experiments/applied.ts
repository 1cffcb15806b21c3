import type { ExperimentVariant, ListingWeights, Toggles } from './experiment.js';

/** An experiment a viewer is in, as answers list it. */
export interface ExperimentEntry {
  readonly experimentId: string;
  readonly variant: string;
}

/** Ids a viewer's variants switch on and off. */
export interface ToggleSet {
  readonly enable: ReadonlySet<string>;
  readonly disable: ReadonlySet<string>;
}

/** What a viewer's variants change, all together: what the answering services read. */
export interface AppliedExperiments {
  readonly entries: readonly ExperimentEntry[];
  /** Recommendation slot → strategy. */
  readonly recommendations: ReadonlyMap<string, string>;
  readonly listingWeights?: ListingWeights;
  /** Content slot → variant id. */
  readonly content: ReadonlyMap<string, string>;
  readonly promotions: ToggleSet;
  readonly priceLists: ToggleSet;
  /** In a holdout: the answer is the one a visitor with no personalisation gets. */
  readonly holdout: boolean;
}

export const NO_EXPERIMENTS: AppliedExperiments = Object.freeze({
  entries: [],
  recommendations: new Map<string, string>(),
  content: new Map<string, string>(),
  promotions: { enable: new Set<string>(), disable: new Set<string>() },
  priceLists: { enable: new Set<string>(), disable: new Set<string>() },
  holdout: false,
});

/**
 * The changes of the variants a viewer is in, in the order given (experiments by id): where two
 * change the same thing, the first wins, so every node resolves a clash alike. A disable wins over
 * an enable of the same id.
 */
export function applyVariants(
  chosen: readonly { readonly experimentId: string; readonly variant: ExperimentVariant }[],
): AppliedExperiments {
  if (chosen.length === 0) return NO_EXPERIMENTS;
  const recommendations = new Map<string, string>();
  const content = new Map<string, string>();
  const promotions = { enable: new Set<string>(), disable: new Set<string>() };
  const priceLists = { enable: new Set<string>(), disable: new Set<string>() };
  let listingWeights: ListingWeights | undefined;
  let holdout = false;
  for (const { variant } of chosen) {
    const { changes } = variant;
    for (const [slot, { strategy }] of Object.entries(changes.recommendations ?? {})) {
      if (!recommendations.has(slot)) recommendations.set(slot, strategy);
    }
    for (const [slot, variantId] of Object.entries(changes.content ?? {})) {
      if (!content.has(slot)) content.set(slot, variantId);
    }
    addToggles(promotions, changes.promotions);
    addToggles(priceLists, changes.priceLists);
    listingWeights ??= changes.listingWeights;
    if (changes.personalization === false) holdout = true;
  }
  for (const set of [promotions, priceLists]) for (const id of set.disable) set.enable.delete(id);
  return {
    entries: chosen.map(({ experimentId, variant }) => ({ experimentId, variant: variant.id })),
    recommendations,
    ...(listingWeights !== undefined && { listingWeights }),
    content,
    promotions,
    priceLists,
    holdout,
  };
}

function addToggles(into: { enable: Set<string>; disable: Set<string> }, toggles: Toggles | undefined): void {
  for (const id of toggles?.enable ?? []) into.enable.add(id);
  for (const id of toggles?.disable ?? []) into.disable.add(id);
}
