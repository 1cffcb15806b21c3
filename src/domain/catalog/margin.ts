import type { Money } from '../shared/index.js';

/** What margins read of a product: its base price and, when the merchant gave it, its unit cost. */
export interface CostedProduct {
  readonly price: Money;
  readonly cost?: Money;
}

/**
 * The product's unit cost in minor units of `currency`, when it is known in that currency: promotions
 * never take a line below it. A cost in another currency is not converted, so it is unknown there.
 */
export function costIn(product: CostedProduct, currency: string): number | undefined {
  return product.cost?.currency === currency ? product.cost.amount : undefined;
}

/**
 * The product's gross margin on its base price, (price − cost) / price, from 0 to 1: the share of
 * each sale the merchant keeps (gross margin as accounting defines it, revenue less cost of goods
 * over revenue). Undefined when the cost is not known in the price's currency or the price is zero;
 * a cost above the price is no margin (0), never a negative one, since listings only lift by it.
 */
export function grossMargin(product: CostedProduct): number | undefined {
  const cost = costIn(product, product.price.currency);
  const price = product.price.amount;
  if (cost === undefined || price <= 0) return undefined;
  return Math.max(0, (price - cost) / price);
}
