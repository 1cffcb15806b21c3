import type { ShownParts } from '../../domain/experiments/index.js';
import type { Decision } from './decide-service.js';

/** What a decision showed, as experiment impressions read it: slots with products, content slots, the listing. */
export function shownPartsOf(
  decision: Pick<Decision, 'recommendations' | 'content' | 'listing'>,
): ShownParts {
  return {
    recommendations: Object.keys(decision.recommendations).filter(
      (slot) => (decision.recommendations[slot]?.items.length ?? 0) > 0,
    ),
    content: Object.keys(decision.content),
    listing: decision.listing !== undefined,
  };
}
