import type { PromotionAction } from '../promotion.js';
import { discount, type ActionInput, type ActionResult } from './action.js';

type Of<T extends PromotionAction['type']> = Extract<PromotionAction, { type: T }>;

/** The highest tier the subtotal reaches comes off the order; the next tier is the nudge. */
export function spendTiers(action: Of<'spend_tiers'>, input: ActionInput): ActionResult {
  const reached = action.tiers.filter((tier) => input.subtotal >= tier.gte).at(-1);
  const next = action.tiers.find((tier) => input.subtotal < tier.gte);
  const missing = next === undefined ? undefined : { amount: next.gte - input.subtotal };
  if (reached === undefined) return { kind: 'unmet', missing: missing ?? {} };
  return discount(
    { order: reached.amount, ...(missing !== undefined && { next: missing }) },
    input.lines.length,
  );
}

/** Shipping is free (whatever shipping the cart carries; none yet is still a promise kept). */
export function freeShipping(input: ActionInput): ActionResult {
  return discount({ shipping: input.shippingLeft }, input.lines.length);
}

/** A unit of the gift product joins the cart at no charge, when it is in stock. */
export function gift(action: Of<'gift'>, input: ActionInput): ActionResult {
  const product = input.product(action.productId);
  if (product === undefined || !product.inStock) return { kind: 'out_of_stock' };
  return discount({ added: [{ product, quantity: 1 }] }, input.lines.length);
}
