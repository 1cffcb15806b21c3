import { DomainError } from '../shared/index.js';

/** Codes raised by promotions, carts and orders. */
export type PromotionErrorCode =
  | 'invalid_promotion'
  | 'promotion_not_found'
  | 'coupon_taken'
  | 'coupon_redeemed'
  | 'budget_exhausted'
  | 'customer_limit'
  | 'order_conflict'
  | 'cart_item_unavailable';

/**
 * An error raised by promotions, carts and orders: its constructor takes only the codes above, so a
 * typo does not compile.
 */
export class PromotionError extends DomainError {
  declare readonly code: PromotionErrorCode;

  constructor(code: PromotionErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
