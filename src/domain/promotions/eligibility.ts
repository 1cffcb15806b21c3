import type { CollectionMembership } from '../shared/index.js';
import type { Missing } from './actions/index.js';
import { lineMatches } from './actions/action.js';
import type { CouponState, RejectionReason, Shopper, Usage, WorkingLine } from './cart.js';
import type { CompiledPromotion } from './compiled-promotion.js';
import type { PromotionConditions } from './promotion.js';

export type Eligibility =
  | { readonly ok: true; readonly reasons: readonly string[] }
  | { readonly ok: false; readonly reason: RejectionReason };

export interface EligibilityRequest {
  readonly currency: string;
  readonly now: number;
  readonly shopper: Shopper;
  readonly usage: Usage;
  /** The code the shopper entered for it, if any. */
  readonly coupon?: CouponState;
}

/**
 * May this shopper have this promotion now, limits permitting? Checked in a fixed order, so the
 * reason given is always the first that fails: currency, status, schedule, code, audience, total
 * limits, the customer's limit.
 */
export function checkEligibility(compiled: CompiledPromotion, request: EligibilityRequest): Eligibility {
  const { promotion } = compiled;
  if (promotion.currency !== request.currency) return { ok: false, reason: 'currency_mismatch' };
  const switched = request.shopper.promotions;
  // Switched off by an experiment: for this shopper, as if paused.
  if (switched?.disable.has(promotion.id) === true) return { ok: false, reason: 'paused' };
  const switchedOn = switched?.enable.has(promotion.id) === true;
  if (promotion.status === 'paused' && !switchedOn) return { ok: false, reason: 'paused' };
  if (request.now < compiled.from) return { ok: false, reason: 'not_started' };
  if (request.now >= compiled.to) return { ok: false, reason: 'expired' };
  if (request.coupon?.singleUse === true && request.coupon.redeemed)
    return { ok: false, reason: 'coupon_redeemed' };
  const reasons = compiled.audience(request.shopper) ?? (switchedOn ? ['experiment'] : undefined);
  if (reasons === undefined) return { ok: false, reason: 'audience' };
  const { limits } = promotion;
  const used = request.usage.promotions.get(promotion.id);
  if (
    (limits.redemptions !== undefined && (used?.redemptions ?? 0) >= limits.redemptions) ||
    (limits.budget !== undefined && (used?.discountGiven ?? 0) >= limits.budget)
  ) {
    return { ok: false, reason: 'budget_exhausted' };
  }
  if (
    limits.perCustomer !== undefined &&
    (request.usage.customer.get(promotion.id) ?? 0) >= limits.perCustomer
  ) {
    return { ok: false, reason: 'customer_limit' };
  }
  return { ok: true, reasons };
}

/**
 * What the cart lacks to meet a promotion's conditions, or undefined when it meets them. The
 * subtotal compared is the one before any promotion; units counted are the cart's own, never free ones.
 */
export function missingForConditions(
  conditions: PromotionConditions,
  lines: readonly WorkingLine[],
  subtotal: number,
  isInCollection: CollectionMembership,
): Missing | undefined {
  const amount = conditions.subtotal !== undefined ? conditions.subtotal.gte - subtotal : 0;
  let quantity = 0;
  if (conditions.items !== undefined) {
    const { match } = conditions.items;
    const units = lines.reduce(
      (sum, line) => sum + (lineMatches(line, match, isInCollection) ? line.quantity : 0),
      0,
    );
    quantity = conditions.items.quantity.gte - units;
  }
  if (amount <= 0 && quantity <= 0) return undefined;
  return { ...(amount > 0 && { amount }), ...(quantity > 0 && { quantity }) };
}
