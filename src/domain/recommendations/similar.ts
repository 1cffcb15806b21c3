import { Blend } from './blend.js';
import { browsingNeighbours, confidenceOf, DEFAULT_BROWSING_BLEND } from './browsing-neighbours.js';
import type { RecommendationRequest } from './request.js';
import type { ScoredProduct } from './scored-product.js';
import { POOL, type Models } from './strategies.js';

/** How `similar` weighs content against browsing (measured on R3, see the benchmark). */
export interface SimilarBlend {
  /**
   * Content's weight where the product's text is fully informative and nothing is known of its
   * browsing; browsing's is 1 once its evidence is ample.
   */
  readonly content: number;
  /** How much browsing evidence pushes content back: at full confidence content keeps 1 − this. */
  readonly contentYields: number;
}

export const DEFAULT_SIMILAR_BLEND: SimilarBlend = { content: 1, contentYields: 1 };

/**
 * `similar`: what browsing says goes with the product (viewed next, viewed with it, bought after
 * it) blended with content similarity, each weighted by how informative it is for this product:
 * browsing by the evidence behind it (none for a new product), content by how much the product's
 * text shares with others (little for "Item 123" in the one category). So co-views lead where texts
 * are generic, and content leads for a product nobody has viewed yet.
 */
export function similar(
  request: RecommendationRequest,
  models: Models,
  blend: SimilarBlend = DEFAULT_SIMILAR_BLEND,
): ScoredProduct[] | undefined {
  const productId = request.productId;
  if (productId === undefined) return undefined;
  const browsing = models.online.browsing;
  const known = confidenceOf(browsing.evidenceOf(productId), DEFAULT_BROWSING_BLEND.halfEvidence);
  const informative = models.content?.informativeness(productId) ?? 0;
  const scores = new Blend();
  scores.add(browsingNeighbours(browsing, productId, POOL), known, () => `viewed with ${productId}`);
  scores.add(
    models.content?.similar(productId, POOL) ?? [],
    blend.content * informative * (1 - blend.contentYields * known),
    () => `similar to ${productId}`,
  );
  return scores.size === 0 ? undefined : scores.ranked(POOL);
}
