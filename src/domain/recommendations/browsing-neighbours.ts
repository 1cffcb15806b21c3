import type { BrowsingSignals } from './browsing-signals.js';

/** How the browsing lists of one product are read together. */
export interface BrowsingBlend {
  /** Products viewed after it: where a visit is going. */
  readonly next: number;
  /** Products viewed before it (with `next`, its co-views: a session read both ways). */
  readonly previous: number;
  /** Products added to the cart or bought after a view. */
  readonly conversions: number;
  /**
   * Evidence (weighted pairs) at which a list counts half: a list built on one or two sessions
   * is scaled down, so a chance pair does not outweigh a well-supported one elsewhere.
   */
  readonly halfEvidence: number;
  /**
   * Each neighbour's score is divided by (1 + its own evidence in the list) to this power: what
   * everyone looks at says a little less about this product.
   */
  readonly damping: number;
}

export const DEFAULT_BROWSING_BLEND: BrowsingBlend = {
  next: 1.3,
  previous: 0.15,
  conversions: 0.5,
  halfEvidence: 10,
  damping: 0.1,
};

/** How far the evidence behind a list goes, 0..1: `evidence / (evidence + halfEvidence)`. */
export function confidenceOf(evidence: number, halfEvidence: number): number {
  return evidence <= 0 ? 0 : evidence / (evidence + halfEvidence);
}

/**
 * What browsing says goes with `productId`: its viewed-next, viewed-before and converted-to lists,
 * each scaled so its best neighbour scores the list's weight times the confidence its evidence
 * earns, summed. Scores are comparable across products, so a session can add several lists up.
 */
export function browsingNeighbours(
  browsing: BrowsingSignals,
  productId: string,
  limit: number,
  blend: BrowsingBlend = DEFAULT_BROWSING_BLEND,
): Map<string, number> {
  const scores = new Map<string, number>();
  const lists: [BrowsingSignals['next'], number][] = [
    [browsing.next, blend.next],
    [browsing.previous, blend.previous],
    [browsing.conversions, blend.conversions],
  ];
  for (const [list, weight] of lists) {
    if (weight === 0) continue;
    const neighbours =
      blend.damping > 0
        ? list.dampedNeighbours(productId, limit, blend.damping)
        : list.neighbours(productId, limit);
    const best = neighbours[0]?.[1] ?? 0;
    if (best <= 0) continue;
    const scale = (weight * confidenceOf(list.totalOf(productId), blend.halfEvidence)) / best;
    for (const [other, value] of neighbours) scores.set(other, (scores.get(other) ?? 0) + value * scale);
  }
  return scores;
}
