import { Blend, type Universe } from './blend.js';
import type { ContentSimilarity } from './content-similarity.js';
import type { CustomerHistory } from './customer-history.js';
import type { EaseModel, ResolvedEvidence } from './ease.js';
import type { OnlineModel } from './online-model.js';
import type { RecommendationRequest } from './request.js';
import type { ScoredProduct } from './scored-product.js';

/** The models a request reads: the online state always, the heavier ones once built. */
export interface Models {
  readonly online: OnlineModel;
  readonly ease?: EaseModel;
  readonly content?: ContentSimilarity;
}

/** How the personal blend weighs its parts (measured on R1, see the benchmark). */
export interface BlendWeights {
  /** The customer's own repeat purchases, by orders and recency. */
  readonly repeat: number;
  /** What customers like them bought (EASE, or co-occurrence before it is built). */
  readonly collaborative: number;
  /** What sells now. */
  readonly popular: number;
  /** What the latest views point to, while the session is live (scaled down as it goes quiet). */
  readonly session: number;
  /** The same three for discovery (`excludePurchased`): no repeats. */
  readonly discoveryCollaborative: number;
  readonly discoveryPopular: number;
  /** Half-life of a repeat purchase's pull, ms. */
  readonly repeatHalfLifeMs: number;
  /**
   * A purchase's weight as evidence of taste: `evidenceFloor` plus the rest halving every
   * `evidenceHalfLifeMs` since it was last bought (recent purchases say more about what comes next).
   */
  readonly evidenceHalfLifeMs: number;
  readonly evidenceFloor: number;
}

export const DEFAULT_BLEND: BlendWeights = {
  repeat: 1,
  collaborative: 0.3,
  popular: 0.05,
  session: 1,
  discoveryCollaborative: 1,
  discoveryPopular: 0.2,
  repeatHalfLifeMs: 120 * 86_400_000,
  evidenceHalfLifeMs: 30 * 86_400_000,
  evidenceFloor: 0.2,
};

/** The history of the customer the request names, if any. */
export function historyOf(request: RecommendationRequest, models: Models): CustomerHistory | undefined {
  return request.customer === undefined ? undefined : models.online.customers.get(request.customer);
}

/** Candidates read per strategy: enough for the rules to filter and still fill a list. */
export const POOL = 200;

/** The popularity scope a request reads: its segment, else its country when there is data, else all. */
export function popularityScope(
  request: RecommendationRequest,
  models: Models,
): { scope: string; label: string } {
  if (request.segment !== undefined)
    return { scope: `segment:${request.segment}`, label: `popular with segment ${request.segment}` };
  if (
    request.country !== undefined &&
    models.online.popularity.top(`country:${request.country}`, 'popular', request.now, 1).length > 0
  ) {
    return { scope: `country:${request.country}`, label: `popular in ${request.country.toUpperCase()}` };
  }
  return { scope: 'all', label: 'popular' };
}

export function popular(
  request: RecommendationRequest,
  models: Models,
  kind: 'popular' | 'trending',
): ScoredProduct[] {
  const { scope, label } = popularityScope(request, models);
  const text = kind === 'popular' ? label : label.replace('popular', 'trending');
  const reason = () => text;
  return models.online.popularity
    .top(scope, kind, request.now, POOL)
    .map(([productId, score]) => ({ productId, score, reason }));
}

/** What the evidence suggests: EASE scores (dense over its items) when built, else what was bought with it. */
export interface Suggestions {
  readonly dense?: Float64Array;
  readonly sparse?: Iterable<readonly [string, number]>;
  readonly because: (item: string) => string | undefined;
}

export function collaborative(evidence: Map<string, number>, models: Models): Suggestions {
  const { ease, online } = models;
  if (ease !== undefined) {
    const resolved: ResolvedEvidence = ease.resolve(evidence);
    if (resolved.rows.length > 0)
      return { dense: ease.score(resolved), because: (item) => ease.strongestEvidence(item, resolved) };
  }
  const summed = new Map<string, number>();
  const strongest = new Map<string, [string, number]>();
  for (const [source, weight] of evidence) {
    for (const [item, count] of online.boughtTogether.neighbours(source, 50)) {
      summed.set(item, (summed.get(item) ?? 0) + weight * count);
      if ((strongest.get(item)?.[1] ?? 0) < weight * count) strongest.set(item, [source, weight * count]);
    }
  }
  return { sparse: summed, because: (item) => strongest.get(item)?.[0] };
}

/** Adds collaborative suggestions to a blend, dense or sparse as they came. */
export function addSuggestions(
  blend: Blend,
  suggestions: Suggestions,
  weight: number,
  reason: (item: string) => string,
): void {
  if (suggestions.dense !== undefined) blend.addDense(suggestions.dense, weight, reason);
  if (suggestions.sparse !== undefined) blend.add(suggestions.sparse, weight, reason);
}

/** The items a blend scores densely: EASE's, once it is built. */
export function universeOf(models: Models): Universe | undefined {
  return models.ease === undefined
    ? undefined
    : { items: models.ease.trained.items, index: models.ease.index };
}

export function buyAgain(
  request: RecommendationRequest,
  models: Models,
  weights: BlendWeights,
): ScoredProduct[] | undefined {
  const history = historyOf(request, models);
  if (history === undefined || history.purchases.size === 0) return undefined;
  return [...history.purchases]
    .map(([productId, bought]) => ({
      productId,
      score: bought.orders * Math.pow(2, (bought.last - request.now) / weights.repeatHalfLifeMs),
      reason: () => (bought.orders > 1 ? `bought ${bought.orders} times` : 'bought before'),
    }))
    .sort((a, b) => b.score - a.score || (a.productId < b.productId ? -1 : 1))
    .slice(0, POOL);
}

export function recentlyViewed(request: RecommendationRequest, models: Models): ScoredProduct[] | undefined {
  const history = historyOf(request, models);
  if (history === undefined || history.viewed.length === 0) return undefined;
  return history.viewed.map((productId, rank) => ({
    productId,
    score: 1 / (rank + 1),
    reason: () => 'viewed recently',
  }));
}

/** `bought-together`: bought in the same orders; EASE's view of the product adds to sparse counts. */
export function boughtTogether(request: RecommendationRequest, models: Models): ScoredProduct[] | undefined {
  const productId = request.productId;
  if (productId === undefined) return undefined;
  const scores = new Blend(universeOf(models));
  scores.add(models.online.boughtTogether.neighbours(productId, POOL), 1, () => `bought with ${productId}`);
  if (models.ease?.index.has(productId) === true)
    scores.addDense(models.ease.score([[productId, 1]]), 0.5, () => `often bought with ${productId}`);
  return scores.size === 0 ? undefined : scores.ranked(POOL);
}

/** `cart-complements`: what goes with the whole cart. */
export function cartComplements(request: RecommendationRequest, models: Models): ScoredProduct[] | undefined {
  const cart = request.cart ?? [];
  if (cart.length === 0) return undefined;
  const scores = new Blend(universeOf(models));
  const suggested = collaborative(new Map(cart.map((item) => [item, 1])), models);
  addSuggestions(scores, suggested, 1, (item) => `goes with ${suggested.because(item) ?? 'your cart'}`);
  const lists = cart.map((item) => models.online.boughtTogether.neighbours(item, POOL));
  const together = new Map<string, number>();
  for (const neighbours of lists) {
    const best = neighbours[0]?.[1] ?? 0;
    for (const [other, count] of neighbours) together.set(other, (together.get(other) ?? 0) + count / best);
  }
  scores.add(together, 0.5, (item) => `bought with ${strongestWith(item, cart, lists) ?? 'your cart'}`);
  scores.add(models.online.popularity.top('all', 'popular', request.now, POOL), 0.05, () => 'popular now');
  return scores.ranked(POOL);
}

/**
 * The cart item bought with `item` most often (the first of equals), read from the cart items'
 * neighbour lists when a reason is asked for: only the few candidates that make the list ask, where
 * keeping the strongest for every neighbour as they were summed made a pair for each.
 */
export function strongestWith(
  item: string,
  cart: readonly string[],
  lists: readonly (readonly (readonly [string, number])[])[],
): string | undefined {
  let from: string | undefined;
  let most = 0;
  lists.forEach((neighbours, index) => {
    const count = neighbours.find(([other]) => other === item)?.[1] ?? 0;
    if (count > most) {
      most = count;
      from = cart[index];
    }
  });
  return from;
}
