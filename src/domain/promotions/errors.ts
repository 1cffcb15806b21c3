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
