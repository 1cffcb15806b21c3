import { Blend, type Universe } from './blend.js';
import type { ContentSimilarity } from './content-similarity.js';
import type { CustomerHistory } from './customer-history.js';
import type { EaseModel, ResolvedEvidence } from './ease.js';
import type { OnlineModel } from './online-model.js';
import { DISCOVERIES } from './popularity.js';
import type { RecommendationRequest } from './request.js';

/** The models a request reads: the online state always, the heavier ones once built. */
export interface Models {
  readonly online: OnlineModel;
  readonly ease?: EaseModel;
  readonly content?: ContentSimilarity;
}

/** A product a strategy scored, before the business rules filter and order the list. */
export interface ScoredProduct {
  readonly productId: string;
  readonly score: number;
  /** Worked out only for the few candidates that make the list (a reason can cost a lookup). */
  readonly reason: () => string;
}

/** How the personal blend weighs its parts (measured on R1, see the benchmark). */
export interface BlendWeights {
  /** The customer's own repeat purchases, by orders and recency. */
  readonly repeat: number;
  /** What customers like them bought (EASE, or co-occurrence before it is built). */
  readonly collaborative: number;
  /** What sells now. */
  readonly popular: number;
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
const POOL = 200;

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
  const reason = kind === 'popular' ? label : label.replace('popular', 'trending');
  return models.online.popularity
    .top(scope, kind, request.now, POOL)
    .map(([productId, score]) => ({ productId, score, reason: () => reason }));
}

/** Purchases read as evidence, at most: the most recent, so a request costs the same for a wholesaler. */
const MAX_EVIDENCE = 300;

/** Evidence of a customer's taste: purchases count fully when recent, the cart and recent views less. */
function evidenceOf(history: CustomerHistory, now: number, weights: BlendWeights): Map<string, number> {
  const evidence = new Map<string, number>();
  history.viewed.slice(0, 10).forEach((item) => evidence.set(item, 0.3));
  history.carted.slice(0, 10).forEach((item) => evidence.set(item, 0.5));
  const purchases =
    history.purchases.size <= MAX_EVIDENCE
      ? history.purchases
      : [...history.purchases].sort((a, b) => b[1].last - a[1].last).slice(0, MAX_EVIDENCE);
  const { evidenceFloor: floor, evidenceHalfLifeMs: halfLife } = weights;
  for (const [item, bought] of purchases)
    evidence.set(item, floor + (1 - floor) * Math.pow(2, (Math.min(bought.last, now) - now) / halfLife));
  return evidence;
}

/** What the evidence suggests: EASE scores (dense over its items) when built, else what was bought with it. */
interface Suggestions {
  readonly dense?: Float64Array;
  readonly sparse?: Iterable<readonly [string, number]>;
  readonly because: (item: string) => string | undefined;
}

function collaborative(evidence: Map<string, number>, models: Models): Suggestions {
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

function addSuggestions(
  blend: Blend,
  suggestions: Suggestions,
  weight: number,
  reason: (item: string) => string,
): void {
  if (suggestions.dense !== undefined) blend.addDense(suggestions.dense, weight, reason);
  if (suggestions.sparse !== undefined) blend.add(suggestions.sparse, weight, reason);
}

function universeOf(models: Models): Universe | undefined {
  return models.ease === undefined
    ? undefined
    : { items: models.ease.trained.items, index: models.ease.index };
}

/**
 * `for-you`: the customer's repeat purchases (where they re-buy) blended with what customers like
 * them bought and what sells now; with `excludePurchased`, discovery only. Undefined when the
 * customer has no history (the caller falls back, and says so).
 */
export function forYou(
  request: RecommendationRequest,
  models: Models,
  weights: BlendWeights,
): ScoredProduct[] | undefined {
  const history = historyOf(request, models);
  if (
    history === undefined ||
    (history.purchases.size === 0 && history.viewed.length === 0 && history.carted.length === 0)
  )
    return undefined;
  const discovery = request.filter?.excludePurchased === true;
  const scores = new Blend(universeOf(models));
  const evidence = evidenceOf(history, request.now, weights);
  const suggested = collaborative(evidence, models);
  addSuggestions(
    scores,
    suggested,
    discovery ? weights.discoveryCollaborative : weights.collaborative,
    (item) => {
      const source = suggested.because(item);
      return source === undefined
        ? 'customers like you bought this'
        : `because you ${history.purchases.has(source) ? 'bought' : 'looked at'} ${source}`;
    },
  );
  if (!discovery) {
    const repeats: [string, number][] = [...history.purchases].map(([item, bought]) => [
      item,
      bought.orders * Math.pow(2, (bought.last - request.now) / weights.repeatHalfLifeMs),
    ]);
    scores.add(repeats, weights.repeat, (item) => {
      const orders = history.purchases.get(item)?.orders ?? 0;
      return orders > 1 ? `you buy this often (${orders} orders)` : 'you bought this before';
    });
  }
  // Discovery leans on what others are discovering these days; the full list on what sells.
  scores.add(
    discovery
      ? models.online.popularity.top(DISCOVERIES, 'recent', request.now, POOL)
      : models.online.popularity.top('all', 'popular', request.now, POOL),
    discovery ? weights.discoveryPopular : weights.popular,
    () => (discovery ? 'popular with new buyers' : 'popular now'),
  );
  // Already bought items would only be dropped by the rules: leaving them out keeps the pool full.
  if (discovery) scores.exclude(history.purchases.keys());
  return scores.ranked(POOL);
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

/** `similar`: by content (categories, brand, attributes, title words), and what is viewed with it. */
export function similar(request: RecommendationRequest, models: Models): ScoredProduct[] | undefined {
  const productId = request.productId;
  if (productId === undefined) return undefined;
  const scores = new Blend();
  scores.add(models.content?.similar(productId, POOL) ?? [], 1, () => `similar to ${productId}`);
  scores.add(models.online.viewedTogether.neighbours(productId, POOL), 0.5, () => `viewed with ${productId}`);
  return scores.size === 0 ? undefined : scores.ranked(POOL);
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
  const together = new Map<string, number>();
  const strongest = new Map<string, [string, number]>();
  for (const item of cart) {
    const neighbours = models.online.boughtTogether.neighbours(item, POOL);
    const best = neighbours[0]?.[1] ?? 0;
    for (const [other, count] of neighbours) {
      together.set(other, (together.get(other) ?? 0) + count / best);
      if ((strongest.get(other)?.[1] ?? 0) < count) strongest.set(other, [item, count]);
    }
  }
  scores.add(together, 0.5, (item) => `bought with ${strongest.get(item)?.[0] ?? 'your cart'}`);
  scores.add(models.online.popularity.top('all', 'popular', request.now, POOL), 0.05, () => 'popular now');
  return scores.ranked(POOL);
}
