import type { CollectionMembership } from '../shared/index.js';
import { applyPins, applyRules, type RuleContext } from './business-rules.js';
import type {
  Merchandising,
  RecommendableProduct,
  RecommendationAnswer,
  RecommendationRequest,
  Strategy,
} from './request.js';
import {
  boughtTogether,
  buyAgain,
  cartComplements,
  historyOf,
  popular,
  recentlyViewed,
  type BlendWeights,
  type Models,
} from './strategies.js';
import type { ScoredProduct } from './scored-product.js';
import { forYou, seenInSession } from './for-you.js';
import { similar } from './similar.js';

export interface RecommendContext {
  readonly models: Models;
  readonly product: (productId: string) => RecommendableProduct | undefined;
  /** Collections that merchandising boosts and filters name (none known: nothing is in one). */
  readonly isInCollection?: CollectionMembership;
  readonly merchandising: Merchandising;
  readonly blend: BlendWeights;
  /**
   * Where for-you's candidates come from: `compute` unless the caller remembers them for this
   * customer (the business rules apply to them afresh either way).
   */
  readonly forYouCandidates?: (compute: () => ScoredProduct[] | undefined) => ScoredProduct[] | undefined;
  /**
   * Where `similar`'s candidates for a product come from: `compute` unless the caller remembers them
   * (they depend on the product and the models alone; the business rules apply afresh either way).
   */
  readonly similarCandidates?: (
    productId: string,
    compute: () => ScoredProduct[] | undefined,
  ) => ScoredProduct[] | undefined;
}

/** Strategies whose short lists popular products fill (a customer's own lists stay their own). */
const FALLS_BACK: ReadonlySet<Strategy> = new Set([
  'trending',
  'similar',
  'bought-together',
  'cart-complements',
  'for-you',
]);

const NOTHING_PURCHASED: ReadonlySet<string> = new Set();

/** Why a strategy could not answer on its own, for the fallback's reason. */
const COLD_START: Record<string, string> = {
  'for-you': 'no history yet',
  similar: 'nothing known about this product yet',
  'bought-together': 'nothing bought with this product yet',
  'cart-complements': 'nothing known about this cart yet',
};

/**
 * Answers a recommendation request: the strategy's candidates through the business rules; when
 * they fill fewer than `limit` places, popular products (for the request's country or segment
 * when known) fill the rest and the answer says `fallback: "popular"`, each filler's reason saying
 * why (a new customer, a new product).
 */
export function recommend(request: RecommendationRequest, context: RecommendContext): RecommendationAnswer {
  const { models } = context;
  const history = historyOf(request, models);
  const rules: RuleContext = {
    request,
    product: context.product,
    ...(context.isInCollection !== undefined && { isInCollection: context.isInCollection }),
    // The history's own list: copying a busy customer's purchases into a set was a tenth of what
    // a for-you request allocated.
    purchased: history?.purchases ?? NOTHING_PURCHASED,
    merchandising: context.merchandising,
  };
  const candidates = candidatesFor(request, context) ?? [];
  let items = applyRules(candidates, rules, request.limit);
  let fallback = false;
  if (items.length < request.limit && FALLS_BACK.has(request.strategy)) {
    const why = candidates.length === 0 ? COLD_START[request.strategy] : 'more to choose from';
    // For-you's fillers skip what a live session has just shown, as its own candidates do.
    const seen = new Set(request.strategy === 'for-you' ? seenInSession(request, history) : []);
    const fillers = popular(request, models, 'popular').filter((filler) => !seen.has(filler.productId));
    // Fillers rank below every item the strategy chose, in their own order of popularity.
    const ceiling = Math.min(1, ...items.map((item) => item.score)) / 2;
    const best = fillers[0]?.score ?? 1;
    const more = applyRules(
      fillers.map((candidate) => ({
        productId: candidate.productId,
        score: (ceiling * candidate.score) / best,
        reason:
          why === undefined ? candidate.reason : (productId) => `${candidate.reason(productId)} (${why})`,
      })),
      rules,
      request.limit - items.length,
      items,
    );
    if (more.length > 0) {
      items = [...items, ...more];
      fallback = true;
    }
  }
  items = applyPins(items, rules, request.limit);
  return { strategy: request.strategy, items, ...(fallback && { fallback: 'popular' as const }) };
}

function candidatesFor(
  request: RecommendationRequest,
  context: RecommendContext,
): ScoredProduct[] | undefined {
  const { models, blend } = context;
  switch (request.strategy) {
    case 'popular':
      return popular(request, models, 'popular');
    case 'trending':
      return popular(request, models, 'trending');
    case 'similar': {
      const compute = () => similar(request, models);
      const { productId } = request;
      return productId === undefined || context.similarCandidates === undefined
        ? compute()
        : context.similarCandidates(productId, compute);
    }
    case 'bought-together':
      return boughtTogether(request, models);
    case 'cart-complements':
      return cartComplements(request, models);
    case 'for-you': {
      const compute = () => forYou(request, models, blend);
      return context.forYouCandidates === undefined ? compute() : context.forYouCandidates(compute);
    }
    case 'buy-again':
      return buyAgain(request, models, blend);
    case 'recently-viewed':
      return recentlyViewed(request, models);
  }
}
