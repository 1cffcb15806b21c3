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
  /**
   * The signals that lifted it, strongest first (`affinity: home/kitchen`, `popular`, `relevance`):
   * worked out for the page shown only.
   */
  readonly reasons: () => readonly string[];
}

/**
 * Orders a listing: relevance, the viewer's category and brand affinities, popularity (scaled to
 * the most popular candidate) and margin, weighted; products out of stock after every product in
 * stock; ties by id, so the same inputs always give the same order.
 */
export function rankListing(
  candidates: readonly ListingCandidate[],
  viewer: ViewerAffinities,
  inStock: (productId: string) => boolean,
  weights: RankingWeights = DEFAULT_RANKING_WEIGHTS,
  /** The popularity that scales to 1 (default: the most popular of `candidates`). */
  scale?: number,
): RankedListingItem[] {
  let mostPopular = scale ?? 0;
  if (scale === undefined)
    for (const candidate of candidates)
      if (candidate.popularity > mostPopular) mostPopular = candidate.popularity;
  mostPopular ||= 1;
  const personal = viewer.categories.size > 0 || viewer.brands.size > 0;
  const partsOf = (
    candidate: ListingCandidate,
  ): [[string, number], [string, number], [string, number], [string, number]] => {
    const affinity = personal ? affinityOf(candidate, viewer) : NO_AFFINITY;
    return [
      ['relevance', weights.relevance * candidate.relevance],
      [affinity.label, weights.affinity * affinity.score],
      ['popular', (weights.popularity * candidate.popularity) / mostPopular],
      ['margin', weights.margin * (candidate.margin ?? 0)],
    ];
  };
  return candidates
    .map((candidate): RankedListingItem => {
      const parts = partsOf(candidate);
      const available = inStock(candidate.id);
      return {
        productId: candidate.id,
        score: Math.round((parts[0][1] + parts[1][1] + parts[2][1] + parts[3][1]) * 1e6) / 1e6,
        inStock: available,
        reasons: () => {
          const reasons = parts
            .filter(
              ([label, value]) =>
                value > 0 && label !== '' && !(label === 'relevance' && candidate.relevance === 1),
            )
            .sort((a, b) => b[1] - a[1])
            .map(([label]) => label);
          return available ? reasons : [...reasons, 'out of stock'];
        },
      };
    })
    .sort(
      (a, b) =>
        Number(b.inStock) - Number(a.inStock) ||
        b.score - a.score ||
        (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0),
    );
}

const NO_AFFINITY = { label: '', score: 0 };

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
