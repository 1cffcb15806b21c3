import type { MatchableProduct } from '../shared/index.js';
import type { CartRequest, CouponState, RejectionReason } from './cart.js';
import type { CompiledPromotion } from './compiled-promotion.js';
import { normalizeCode } from './promotion.js';
import type { PromotionIndex } from './promotion-index.js';
import { hasUsageLimits } from './usage-limits.js';

/** A promotion in play for a cart, with the code that brought it (if one did). */
export interface PromotionInPlay {
  readonly compiled: CompiledPromotion;
  readonly coupon?: CouponState;
}

/** The promotions in play for a cart, as `evaluateCart` takes them. */
export interface Selection {
  readonly inPlay: readonly PromotionInPlay[];
  /** Entered codes that bring nothing: unknown, or a second code for the same promotion. */
  readonly rejected: readonly {
    readonly couponCode: string;
    readonly promotionId?: string;
    readonly reason: RejectionReason;
  }[];
  /**
   * Ids of the promotions in play with usage limits: the usage `evaluateCart` needs, to be read
   * from the store between this step and that one (any other promotion's usage changes nothing).
   */
  readonly limited: readonly string[];
}

/**
 * The codes of a cart as they are looked up: trimmed, upper-case, each once, in the order entered.
 */
export function cartCodes(entered: readonly string[] | undefined): string[] {
  return [...new Set((entered ?? []).map(normalizeCode))];
}

/**
 * The step before `evaluateCart`: the promotions a priced cart meets — the automatic ones the index
 * finds for its products, and those of its codes (looked up beforehand in `coupons`, keyed by
 * normalised code) — and which of them need their usage read. A code for an automatic promotion
 * travels with it. Checkout and the case table (cases/evaluate.json) both take this step, so the
 * table runs the code checkout runs.
 */
export function selectForCart(
  cart: CartRequest,
  coupons: ReadonlyMap<string, CouponState>,
  index: PromotionIndex,
): Selection {
  const products = cart.lines.map((line): MatchableProduct => ({
    id: line.productId,
    categories: line.categories,
    brand: line.brand,
    attributes: line.attributes,
  }));
  const byPromotion = new Map<CompiledPromotion, PromotionInPlay>();
  for (const compiled of index.candidates(products)) byPromotion.set(compiled, { compiled });
  const rejected: Selection['rejected'][number][] = [];
  for (const code of cartCodes(cart.coupons)) {
    const coupon = coupons.get(code);
    const compiled = coupon === undefined ? undefined : index.get(coupon.promotionId);
    if (coupon === undefined || compiled === undefined) {
      rejected.push({ couponCode: code, reason: 'coupon_unknown' });
    } else if (byPromotion.get(compiled)?.coupon !== undefined) {
      rejected.push({ couponCode: code, promotionId: compiled.promotion.id, reason: 'not_combinable' });
    } else {
      byPromotion.set(compiled, { compiled, coupon });
    }
  }
  const inPlay = [...byPromotion.values()];
  const limited = inPlay
    .map(({ compiled }) => compiled.promotion)
    .filter((promotion) => hasUsageLimits(promotion.limits))
    .map((promotion) => promotion.id);
  return { inPlay, rejected, limited };
}
