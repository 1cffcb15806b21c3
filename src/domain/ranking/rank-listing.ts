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
  /**
   * Products the viewer's live session points to (what shoppers view and buy after what they just
   * looked at), 0..1, with the reason to show (`because you looked at 85123A`). Counts under the
   * affinity weight, on top of the category or brand affinity.
   */
  readonly session?: ReadonlyMap<string, { readonly score: number; readonly label: string }>;
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
 * Orders a listing: relevance, the viewer's category and brand affinities and what their live
 * session points to, popularity (scaled to the most popular candidate) and margin, weighted;
 * products out of stock after every product in stock; ties by id, so the same inputs always give
 * the same order.
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
  const affinityOf = personal ? affinityLookup(viewer) : () => NO_AFFINITY;
  const session = viewer.session ?? NO_SESSION;
  return candidates
    .map((candidate): RankedListingItem => {
      const affinity = affinityOf(candidate);
      const relevance = weights.relevance * candidate.relevance;
      const popular = (weights.popularity * candidate.popularity) / mostPopular;
      const margin = weights.margin * (candidate.margin ?? 0);
      const affinityScore = weights.affinity * affinity.score;
      const pointedTo = session.get(candidate.id);
      const sessionScore = pointedTo === undefined ? 0 : weights.affinity * pointedTo.score;
      const available = inStock(candidate.id);
      let reasons: readonly string[] | undefined;
      return {
        productId: candidate.id,
        score: Math.round((relevance + affinityScore + sessionScore + popular + margin) * 1e6) / 1e6,
        inStock: available,
        // Worked out only for the items a page shows (most candidates are ranked and never seen),
        // once: a viewer's ranked head is kept while the scan lasts, and shown page after page.
        reasons: () => {
          if (reasons !== undefined) return reasons;
          const parts: [string, number][] = [
            ['relevance', candidate.relevance === 1 ? 0 : relevance],
            [affinity.label, affinityScore],
            [pointedTo?.label ?? '', sessionScore],
            ['popular', popular],
            ['margin', margin],
          ];
          const lifted = parts
            .filter(([label, value]) => value > 0 && label !== '')
            .sort((a, b) => b[1] - a[1])
            .map(([label]) => label);
          reasons = Object.freeze(available ? lifted : [...lifted, 'out of stock']);
          return reasons;
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

const NO_AFFINITY: Affinity = { label: '', score: 0 };
const NO_SESSION: NonNullable<ViewerAffinities['session']> = new Map();

type Affinity = { readonly label: string; readonly score: number };

/**
 * The strongest affinity a product meets: a category it is in (or under), or its brand. Answers
 * per category path are remembered for the call, since a listing's products share a few paths.
 */
function affinityLookup(viewer: ViewerAffinities): (candidate: ListingCandidate) => Affinity {
  const byPath = new Map<string, Affinity>();
  const ofPath = (path: string): Affinity => {
    let best = byPath.get(path);
    if (best !== undefined) return best;
    best = NO_AFFINITY;
    for (const [category, score] of viewer.categories) {
      if (score > best.score && isInCategory(path, category))
        best = { label: `affinity: ${category}`, score };
    }
    byPath.set(path, best);
    return best;
  };
  return (candidate) => {
    let best = NO_AFFINITY;
    for (const path of candidate.categories) {
      const affinity = ofPath(path);
      if (affinity.score > best.score) best = affinity;
    }
    const brand = candidate.brand?.toLowerCase();
    const brandScore = brand === undefined ? 0 : (viewer.brands.get(brand) ?? 0);
    return brandScore > best.score ? { label: `affinity: ${brand as string}`, score: brandScore } : best;
  };
}
