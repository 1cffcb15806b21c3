import type { ContentSimilarity } from './content-similarity.js';
import type { CustomerHistory } from './customer-history.js';
import type { EaseModel } from './ease.js';
import type { OnlineModel } from './online-model.js';
import type { RecommendationRequest } from './request.js';

/** The models a request reads: the online state always, the heavier ones once built. */
export interface Models {
  readonly online: OnlineModel;
  readonly ease?: EaseModel;
  readonly content?: ContentSimilarity;
}

/** A scored candidate before business rules. */
export interface Candidate {
  readonly productId: string;
  readonly score: number;
  readonly reason: string;
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
}

export const DEFAULT_BLEND: BlendWeights = {
  repeat: 1,
  collaborative: 0.3,
  popular: 0.05,
  discoveryCollaborative: 1,
  discoveryPopular: 0.2,
  repeatHalfLifeMs: 120 * 86_400_000,
};

/** Candidates read per strategy: enough for the rules to filter and still fill a list. */
const POOL = 200;

/** Blended scores: each item's total and the component that said most for it (its reason). */
class Scores {
  readonly #entries = new Map<string, { score: number; top: number; reason: (item: string) => string }>();

  get size(): number {
    return this.#entries.size;
  }

  /** Adds a component, scaled so its best item scores `weight` (components compare only after scaling). */
  add(
    component: Iterable<readonly [string, number]>,
    weight: number,
    reason: (item: string) => string,
  ): void {
    if (weight === 0) return;
    const entries: (readonly [string, number])[] = [];
    let best = 0;
    for (const entry of component) {
      if (entry[1] <= 0) continue;
      entries.push(entry);
      if (entry[1] > best) best = entry[1];
    }
    if (best === 0) return;
    for (const [item, score] of entries) {
      const scaled = (weight * score) / best;
      const current = this.#entries.get(item);
      if (current === undefined) this.#entries.set(item, { score: scaled, top: scaled, reason });
      else {
        current.score += scaled;
        if (scaled > current.top) {
          current.top = scaled;
          current.reason = reason;
        }
      }
    }
  }

  /** The best candidates, their reasons worked out for these only. */
  ranked(): Candidate[] {
    return [...this.#entries]
      .sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1))
      .slice(0, POOL)
      .map(([productId, entry]) => ({ productId, score: entry.score, reason: entry.reason(productId) }));
  }
}

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
): Candidate[] {
  const { scope, label } = popularityScope(request, models);
  const reason = kind === 'popular' ? label : label.replace('popular', 'trending');
  return models.online.popularity
    .top(scope, kind, request.now, POOL)
    .map(([productId, score]) => ({ productId, score, reason }));
}

/** Purchases read as evidence, at most: the most recent, so a request costs the same for a wholesaler. */
const MAX_EVIDENCE = 300;

/** Evidence of a customer's taste: purchases count fully, the cart and recent views less. */
function evidenceOf(history: CustomerHistory): Map<string, number> {
  const evidence = new Map<string, number>();
  history.viewed.slice(0, 10).forEach((item) => evidence.set(item, 0.3));
  history.carted.slice(0, 10).forEach((item) => evidence.set(item, 0.5));
  const purchases =
    history.purchases.size <= MAX_EVIDENCE
      ? [...history.purchases.keys()]
      : [...history.purchases]
          .sort((a, b) => b[1].last - a[1].last)
          .slice(0, MAX_EVIDENCE)
          .map(([item]) => item);
  for (const item of purchases) evidence.set(item, 1);
  return evidence;
}

/** What the evidence suggests: EASE when built, else what was bought with it. */
function collaborative(
  evidence: Map<string, number>,
  models: Models,
): { scores: [string, number][]; because: (item: string) => string | undefined } {
  const { ease, online } = models;
  if (ease !== undefined && [...evidence.keys()].some((item) => ease.index.has(item))) {
    const raw = ease.score(evidence);
    const scores: [string, number][] = [];
    raw.forEach((score, position) => {
      if (score > 0) scores.push([ease.trained.items[position] as string, score]);
    });
    return { scores, because: (item) => ease.strongestEvidence(item, evidence) };
  }
  const summed = new Map<string, number>();
  const strongest = new Map<string, [string, number]>();
  for (const [source, weight] of evidence) {
    for (const [item, count] of online.boughtTogether.neighbours(source, 50)) {
      summed.set(item, (summed.get(item) ?? 0) + weight * count);
      if ((strongest.get(item)?.[1] ?? 0) < weight * count) strongest.set(item, [source, weight * count]);
    }
  }
  return { scores: [...summed], because: (item) => strongest.get(item)?.[0] };
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
): Candidate[] | undefined {
  const history = request.customer === undefined ? undefined : models.online.customers.get(request.customer);
  if (
    history === undefined ||
    (history.purchases.size === 0 && history.viewed.length === 0 && history.carted.length === 0)
  )
    return undefined;
  const discovery = request.filter?.excludePurchased === true;
  const scores = new Scores();
  const evidence = evidenceOf(history);
  const { scores: suggested, because } = collaborative(evidence, models);
  scores.add(suggested, discovery ? weights.discoveryCollaborative : weights.collaborative, (item) => {
    const source = because(item);
    return source === undefined
      ? 'customers like you bought this'
      : `because you ${history.purchases.has(source) ? 'bought' : 'looked at'} ${source}`;
  });
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
  scores.add(
    models.online.popularity.top('all', 'popular', request.now, POOL),
    discovery ? weights.discoveryPopular : weights.popular,
    () => 'popular now',
  );
  return scores.ranked();
}

export function buyAgain(
  request: RecommendationRequest,
  models: Models,
  weights: BlendWeights,
): Candidate[] | undefined {
  const history = request.customer === undefined ? undefined : models.online.customers.get(request.customer);
  if (history === undefined || history.purchases.size === 0) return undefined;
  return [...history.purchases]
    .map(([productId, bought]) => ({
      productId,
      score: bought.orders * Math.pow(2, (bought.last - request.now) / weights.repeatHalfLifeMs),
      reason: bought.orders > 1 ? `bought ${bought.orders} times` : 'bought before',
    }))
    .sort((a, b) => b.score - a.score || (a.productId < b.productId ? -1 : 1))
    .slice(0, POOL);
}

export function recentlyViewed(request: RecommendationRequest, models: Models): Candidate[] | undefined {
  const history = request.customer === undefined ? undefined : models.online.customers.get(request.customer);
  if (history === undefined || history.viewed.length === 0) return undefined;
  return history.viewed.map((productId, rank) => ({
    productId,
    score: 1 / (rank + 1),
    reason: 'viewed recently',
  }));
}

/** `similar`: by content (categories, brand, attributes, title words), and what is viewed with it. */
export function similar(request: RecommendationRequest, models: Models): Candidate[] | undefined {
  const productId = request.productId;
  if (productId === undefined) return undefined;
  const scores = new Scores();
  scores.add(models.content?.similar(productId, POOL) ?? [], 1, () => `similar to ${productId}`);
  scores.add(models.online.viewedTogether.neighbours(productId, POOL), 0.5, () => `viewed with ${productId}`);
  return scores.size === 0 ? undefined : scores.ranked();
}

/** `bought-together`: bought in the same orders; EASE's view of the product adds to sparse counts. */
export function boughtTogether(request: RecommendationRequest, models: Models): Candidate[] | undefined {
  const productId = request.productId;
  if (productId === undefined) return undefined;
  const scores = new Scores();
  scores.add(models.online.boughtTogether.neighbours(productId, POOL), 1, () => `bought with ${productId}`);
  if (models.ease?.index.has(productId) === true) {
    const raw = models.ease.score([[productId, 1]]);
    const items = models.ease.trained.items;
    scores.add(
      [...raw].map((score, position): [string, number] => [items[position] as string, score]),
      0.5,
      () => `often bought with ${productId}`,
    );
  }
  return scores.size === 0 ? undefined : scores.ranked();
}

/** `cart-complements`: what goes with the whole cart. */
export function cartComplements(request: RecommendationRequest, models: Models): Candidate[] | undefined {
  const cart = request.cart ?? [];
  if (cart.length === 0) return undefined;
  const scores = new Scores();
  const evidence = new Map(cart.map((item) => [item, 1]));
  const { scores: suggested, because } = collaborative(evidence, models);
  scores.add(suggested, 1, (item) => `goes with ${because(item) ?? 'your cart'}`);
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
  return scores.ranked();
}
