import {
  firstOfEachGroup,
  matchesProduct,
  normalizeCategoryPath,
  type CollectionMembership,
  type Match,
} from '../shared/index.js';
import type { ScoredProduct } from './scored-product.js';
import type {
  Merchandising,
  RecommendableProduct,
  RecommendationRequest,
  Recommended,
  Strategy,
} from './request.js';

/**
 * Strategies that may recommend what the customer already bought, unless the merchant says otherwise:
 * `buy-again` is about re-buying, and `for-you` blends in repeat purchases where customers re-buy.
 */
const REPEAT_STRATEGIES: readonly Strategy[] = ['buy-again', 'for-you'];

export interface RuleContext {
  readonly request: RecommendationRequest;
  readonly product: (productId: string) => RecommendableProduct | undefined;
  readonly isInCollection?: CollectionMembership;
  /** What the customer bought (nothing for a visitor): their history's own list, not a copy. */
  readonly purchased: { has(productId: string): boolean };
  readonly merchandising: Merchandising;
}

/**
 * Turns a strategy's candidates into the answer's items: never a product that cannot be sold
 * (archived, out of stock), the one on the page, one in the cart or one excluded; already-bought
 * ones only where the strategy allows; the filter's categories, brands, price and attributes;
 * merchandising boosts, then diversity (at most N per top-level category, one card per product
 * group), then pins.
 */
export function applyRules(
  candidates: readonly ScoredProduct[],
  context: RuleContext,
  limit: number,
  /** Items already in the list: not repeated, and counted for diversity. */
  before: readonly Recommended[] = [],
): Recommended[] {
  const allowed = admission(context);
  const taken = new Set(before.map((item) => item.productId));
  const admitted = (candidate: ScoredProduct) =>
    !taken.has(candidate.productId) && allowed(candidate.productId);
  // Candidates come best first; without boosts the order stands and only the head needs checking.
  const boosted =
    (context.merchandising.boosts ?? []).length === 0
      ? candidates
      : candidates
          .filter(admitted)
          .map((candidate) => ({
            ...candidate,
            score: candidate.score * boostOf(candidate.productId, context),
          }))
          .sort((a, b) => b.score - a.score || (a.productId < b.productId ? -1 : 1));
  const perCategory = new Map<string, number>();
  for (const item of before) {
    const top = topCategory(context.product(item.productId));
    perCategory.set(top, (perCategory.get(top) ?? 0) + 1);
  }
  const most = context.merchandising.maxPerCategory;
  // One card per product group; the page's product and the cart's lines count as shown.
  const { productId: onPage, cart = [] } = context.request;
  const firstOfGroup = firstOfEachGroup(
    (productId) => context.product(productId)?.groupId,
    [...taken, ...cart, ...(onPage === undefined ? [] : [onPage])],
  );
  const chosen: Recommended[] = [];
  for (const candidate of boosted) {
    if (chosen.length >= limit) break;
    if (!admitted(candidate)) continue;
    const top = most === undefined ? '' : topCategory(context.product(candidate.productId));
    if (most !== undefined && (perCategory.get(top) ?? 0) >= most) continue;
    if (!firstOfGroup(candidate.productId)) continue;
    if (most !== undefined) perCategory.set(top, (perCategory.get(top) ?? 0) + 1);
    chosen.push({
      productId: candidate.productId,
      score: round(candidate.score),
      reason: candidate.reason(candidate.productId),
    });
  }
  return chosen;
}

/** Puts pinned products at their positions (1-based), when they pass the rules. */
export function applyPins(items: readonly Recommended[], context: RuleContext, limit: number): Recommended[] {
  const pinnedOnce = new Set<string>();
  const pins = (context.merchandising.pins ?? [])
    .filter((pin) => pin.strategies === undefined || pin.strategies.includes(context.request.strategy))
    // A product pinned twice takes its first pin only: a list never shows a product twice.
    .filter((pin) => !pinnedOnce.has(pin.productId) && pinnedOnce.add(pin.productId))
    .sort((a, b) => a.position - b.position);
  if (pins.length === 0) return [...items];
  const allowed = admission(context);
  const pinned = new Set(pins.map((pin) => pin.productId));
  const result = items.filter((item) => !pinned.has(item.productId));
  for (const pin of pins) {
    if (!allowed(pin.productId)) continue;
    const position = Math.min(Math.max(pin.position, 1), result.length + 1) - 1;
    result.splice(position, 0, {
      productId: pin.productId,
      score: result[position]?.score ?? 0,
      reason: 'pinned by merchandising',
    });
  }
  return result.slice(0, limit);
}

function admission(context: RuleContext): (productId: string) => boolean {
  const { request, merchandising, purchased } = context;
  const excluded = new Set([...(request.filter?.excludeProductIds ?? []), ...(request.cart ?? [])]);
  if (request.productId !== undefined) excluded.add(request.productId);
  const repeatAllowed =
    request.filter?.excludePurchased !== true &&
    (merchandising.repeatStrategies ?? REPEAT_STRATEGIES).includes(request.strategy);
  const filter = request.filter;
  const match: Match | undefined =
    filter === undefined
      ? undefined
      : {
          ...(filter.categories !== undefined && {
            categories: filter.categories.map((path) => normalizeCategoryPath(path) ?? path),
          }),
          ...(filter.brands !== undefined && { brands: filter.brands }),
          ...(filter.attributes !== undefined && { attributes: filter.attributes }),
        };
  return (productId) => {
    if (excluded.has(productId)) return false;
    if (!repeatAllowed && purchased.has(productId)) return false;
    const product = context.product(productId);
    if (product === undefined || !product.sellable) return false;
    if (match !== undefined && !matchesProduct(match, product, context.isInCollection)) return false;
    const price = filter?.price;
    if (price?.gte !== undefined && product.price < price.gte) return false;
    if (price?.lte !== undefined && product.price > price.lte) return false;
    return true;
  };
}

function boostOf(productId: string, context: RuleContext): number {
  const boosts = context.merchandising.boosts ?? [];
  if (boosts.length === 0) return 1;
  const product = context.product(productId);
  if (product === undefined) return 1;
  return boosts.reduce(
    (factor, boost) =>
      matchesProduct(boost.match, product, context.isInCollection) ? factor * boost.factor : factor,
    1,
  );
}

function topCategory(product: RecommendableProduct | undefined): string {
  return product?.categories[0]?.split('/')[0] ?? '';
}

function round(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}
