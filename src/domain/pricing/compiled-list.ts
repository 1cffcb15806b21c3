import {
  lessPercent,
  matchesProduct,
  type CollectionMembership,
  type MatchableProduct,
} from '../shared/index.js';
import { compileAudience, type CompiledAudience } from './audience.js';
import type { PriceList, QuantityTier } from './price-list.js';

/** A price list made ready for resolution: audience compiled, window in epoch ms, prices by product. */
export interface CompiledPriceList {
  readonly list: PriceList;
  readonly audience: CompiledAudience;
  readonly from: number;
  readonly until: number;
  /** Tiers per product, highest `minQuantity` first. */
  readonly fixed: ReadonlyMap<string, readonly QuantityTier[]>;
}

/** A list's price for one line: the unit amount, and the tier that gave it. */
export interface ListPrice {
  readonly amount: number;
  readonly minQuantity?: number;
}

export function compilePriceList(list: PriceList): CompiledPriceList {
  const fixed = new Map<string, readonly QuantityTier[]>();
  for (const price of list.prices ?? []) {
    const tiers = 'tiers' in price ? [...price.tiers] : [{ minQuantity: 1, amount: price.amount }];
    fixed.set(
      price.productId,
      tiers.sort((a, b) => b.minQuantity - a.minQuantity),
    );
  }
  return {
    list,
    audience: compileAudience(list.audience),
    from: list.startsAt === undefined ? -Infinity : Date.parse(list.startsAt),
    until: list.endsAt === undefined ? Infinity : Date.parse(list.endsAt),
    fixed,
  };
}

/** True when the list can price `product` at all (an explicit price, or its rule selects the product). */
export function listCovers(
  list: CompiledPriceList,
  product: MatchableProduct,
  isInCollection: CollectionMembership,
): boolean {
  if (list.fixed.has(product.id)) return true;
  return list.list.rule !== undefined && matchesProduct(list.list.rule.match, product, isInCollection);
}

/**
 * The list's unit price for `quantity` of `productId`, given the price so far: an explicit (tiered)
 * price, or the rule applied to `current`. Undefined when it has none for this quantity.
 */
export function listPrice(
  list: CompiledPriceList,
  productId: string,
  quantity: number,
  current: number | undefined,
): ListPrice | undefined {
  const tiers = list.fixed.get(productId);
  if (tiers !== undefined) {
    for (const tier of tiers)
      if (quantity >= tier.minQuantity)
        return tiers.length > 1 || tier.minQuantity > 1 ? tier : { amount: tier.amount };
    return undefined;
  }
  const rule = list.list.rule;
  if (rule === undefined || current === undefined) return undefined;
  return {
    amount:
      'percentOff' in rule ? lessPercent(current, rule.percentOff) : Math.max(0, current - rule.amountOff),
  };
}
