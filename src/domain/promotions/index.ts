/** Promotions: campaigns, coupons and carts, evaluated in a fixed, explained order (docs/promotions.md). */
export { allocate } from './allocate.js';
export type {
  AddableProduct,
  CartContext,
  CartEvaluation,
  CartLineInput,
  CartRequest,
  CouponState,
  EvaluatedLine,
  Nudge,
  PromotionUsage,
  RejectionReason,
  Shopper,
  Usage,
  WorkingLine,
} from './cart.js';
export { compilePromotion, type CompiledPromotion } from './compiled-promotion.js';
export { generateCouponCode, COUPON_CODE_ALPHABET } from './coupon-code.js';
export { PromotionError, type PromotionErrorCode } from './errors.js';
export { readRecordedAnswer } from './recorded-answer.js';
export { evaluateCart } from './evaluate-cart.js';
export { eligibleOffers, offerBadges, type Offer, type OfferBadge, type OfferRequest } from './offers.js';
export {
  draftPromotion,
  normalizeCode,
  type Promotion,
  type PromotionAction,
  type PromotionDraft,
  type PromotionInput,
} from './promotion.js';
export { PromotionIndex } from './promotion-index.js';
export { cartCodes, selectForCart, type PromotionInPlay, type Selection } from './select-promotions.js';
export { hasUsageLimits } from './usage-limits.js';
export { orderCompletedEvent, type OrderCompletedCall, type PlacedOrder } from './order-event.js';
