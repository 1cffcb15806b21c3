import { isInCategory } from '../shared/index.js';

/** A product a listing may show, with what the ranking reads of it. */
export interface ListingCandidate {
  readonly id: string;
  readonly categories: readonly string[];
  readonly brand?: string;
  /** Where the listing starts from, 0..1: text relevance for a query, else 1 (the merchandising order). */
  readonly relevance: number;
  /** Decayed popularity, any scale (it is compared with the other candidates'). */
  readonly popularity: number;
  readonly inStock: boolean;
  /** (price − cost) / price when the cost is known, 0..1. */
  readonly margin?: number;
}

/** What the ranking knows of the viewer: affinities scaled so the strongest is 1 (empty for a visitor). */
export interface ViewerAffinities {
  readonly categories: ReadonlyMap<string, number>;
  /** Lower-case brands. */
  readonly brands: ReadonlyMap<string, number>;
}

/** How much each signal counts. */
export interface RankingWeights {
  readonly relevance: number;
  readonly affinity: number;
  readonly popularity: number;
  readonly margin: number;
}

export const DEFAULT_RANKING_WEIGHTS: RankingWeights = {
  relevance: 1,
  affinity: 1,
  popularity: 0.5,
  margin: 0.1,
};

export interface RankedListingItem {
  readonly productId: string;
  readonly score: number;
  readonly inStock: boolean;
  /** The signals that lifted it, strongest first (`affinity: home/kitchen`, `popular`, `relevance`). */
  readonly reasons: readonly string[];
}

/**
 * Orders a listing: relevance, the viewer's category and brand affinities, popularity (scaled to
 * the most popular candidate) and margin, weighted; products out of stock after every product in
 * stock; ties by id, so the same inputs always give the same order.
 */
export function rankListing(
  candidates: readonly ListingCandidate[],
  viewer: ViewerAffinities,
  weights: RankingWeights = DEFAULT_RANKING_WEIGHTS,
): RankedListingItem[] {
  const mostPopular = Math.max(0, ...candidates.map((candidate) => candidate.popularity)) || 1;
  return candidates
    .map((candidate) => {
      const affinity = affinityOf(candidate, viewer);
      const parts: [string, number][] = [
        ['relevance', weights.relevance * candidate.relevance],
        [affinity.label, weights.affinity * affinity.score],
        ['popular', (weights.popularity * candidate.popularity) / mostPopular],
        ['margin', weights.margin * (candidate.margin ?? 0)],
      ];
      const score = parts.reduce((sum, [, value]) => sum + value, 0);
      const reasons = parts
        .filter(
          ([label, value]) =>
            value > 0 && label !== '' && !(label === 'relevance' && candidate.relevance === 1),
        )
        .sort((a, b) => b[1] - a[1])
        .map(([label]) => label);
      return {
        productId: candidate.id,
        score: Math.round(score * 1e6) / 1e6,
        inStock: candidate.inStock,
        reasons: candidate.inStock ? reasons : [...reasons, 'out of stock'],
      };
    })
    .sort(
      (a, b) =>
        Number(b.inStock) - Number(a.inStock) ||
        b.score - a.score ||
        (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0),
    );
}

/** The strongest affinity the product meets: a category it is in (or under), or its brand. */
function affinityOf(candidate: ListingCandidate, viewer: ViewerAffinities): { label: string; score: number } {
  let best = { label: '', score: 0 };
  for (const [category, score] of viewer.categories) {
    if (score > best.score && candidate.categories.some((path) => isInCategory(path, category)))
      best = { label: `affinity: ${category}`, score };
  }
  const brand = candidate.brand?.toLowerCase();
  const brandScore = brand === undefined ? 0 : (viewer.brands.get(brand) ?? 0);
  if (brandScore > best.score) best = { label: `affinity: ${brand as string}`, score: brandScore };
  return best;
}
