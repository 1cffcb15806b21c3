import type { Experiment } from './experiment.js';

/** The parts of an answer that were shown: recommendation and content slots (with something in them), the listing. */
export interface ShownParts {
  readonly recommendations: readonly string[];
  readonly content: readonly string[];
  readonly listing: boolean;
}

/**
 * Whether an answer showed something the experiment tests, so it is an impression for the unit,
 * whichever variant it is in (the control's answer counts too, else CTR could not be compared): a
 * recommendation or content slot some variant changes, the listing when some variant changes its
 * weights, and every answer for a variant that changes the whole answer (a holdout, promotions or
 * price lists).
 */
export function isImpression(experiment: Experiment, shown: ShownParts): boolean {
  return experiment.variants.some(({ changes }) => {
    if (
      changes.personalization === false ||
      changes.promotions !== undefined ||
      changes.priceLists !== undefined
    )
      return true;
    if (shown.listing && changes.listingWeights !== undefined) return true;
    const slots = Object.keys(changes.recommendations ?? {});
    if (shown.recommendations.some((slot) => slots.includes(slot))) return true;
    const content = Object.keys(changes.content ?? {});
    return shown.content.some((slot) => content.includes(slot));
  });
}
