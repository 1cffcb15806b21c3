import type { PromotionLimits } from './promotion.js';

/**
 * Whether a promotion has limits that count its use across orders: a money budget, a number of
 * redemptions or a number per customer. Only such promotions need their usage read from the store
 * before a cart is evaluated. `maxDiscountPerOrder` bounds one order and counts nothing, so on its
 * own it is not such a limit (a promotion's `limits`, docs/promotions.md).
 */
export function hasUsageLimits(limits: PromotionLimits): boolean {
  return limits.budget !== undefined || limits.redemptions !== undefined || limits.perCustomer !== undefined;
}
