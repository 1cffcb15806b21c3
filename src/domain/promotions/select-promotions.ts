import type { MatchableProduct } from '../shared/index.js';
import type { CouponState, RejectionReason } from './cart.js';
import type { CompiledPromotion } from './compiled-promotion.js';
import { normalizeCode } from './promotion.js';
import type { PromotionIndex } from './promotion-index.js';

/** A promotion in play for a cart, with the code that brought it (if one did). */
export interface Candidate {
  readonly compiled: CompiledPromotion;
  readonly coupon?: CouponState;
}

export interface Selection {
  readonly candidates: readonly Candidate[];
  /** Entered codes that bring nothing: unknown, or a second code for the same promotion. */
  readonly rejected: readonly {
    readonly code: string;
    readonly promotionId?: string;
    readonly reason: RejectionReason;
  }[];
}

/**
 * The promotions a cart meets: the automatic ones the index finds for its products, and those of the
 * codes entered (looked up beforehand in `coupons`, keyed by normalised code). A code for an
 * automatic promotion travels with it.
 */
export function selectPromotions(
  products: readonly MatchableProduct[],
  codes: readonly string[],
  coupons: ReadonlyMap<string, CouponState>,
  index: PromotionIndex,
): Selection {
  const byPromotion = new Map<CompiledPromotion, Candidate>();
  for (const compiled of index.candidates(products)) byPromotion.set(compiled, { compiled });
  const rejected: Selection['rejected'][number][] = [];
  const seen = new Set<string>();
  for (const code of codes.map(normalizeCode)) {
    if (seen.has(code)) continue;
    seen.add(code);
    const coupon = coupons.get(code);
    const compiled = coupon === undefined ? undefined : index.get(coupon.promotionId);
    if (coupon === undefined || compiled === undefined) {
      rejected.push({ code, reason: 'coupon_unknown' });
    } else if (byPromotion.get(compiled)?.coupon !== undefined) {
      rejected.push({ code, promotionId: compiled.promotion.id, reason: 'not_combinable' });
    } else {
      byPromotion.set(compiled, { compiled, coupon });
    }
  }
  return { candidates: [...byPromotion.values()], rejected };
}
