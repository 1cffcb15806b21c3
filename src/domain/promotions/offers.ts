import { matchesProduct, type CollectionMembership, type MatchableProduct } from '../shared/index.js';
import type { Missing } from './actions/index.js';
import type { CartLineInput, Shopper, Usage } from './cart.js';
import { checkEligibility, missingForConditions } from './eligibility.js';
import type { PromotionIndex } from './promotion-index.js';
import type { PromotionAction } from './promotion.js';
import { workingLine } from './settle.js';

/** A promotion the shopper can get now (`POST /v1/offers`), and what is still missing for it. */
export interface Offer {
  readonly promotionId: string;
  readonly title: string;
  readonly badge: string;
  readonly endsAt?: string;
  readonly missing?: Missing;
  /** Products the promotion puts in the cart (a gift, the named free item): what a banner shows. */
  readonly productIds?: readonly string[];
}

export interface OfferRequest {
  readonly currency: string;
  readonly now: number;
  readonly shopper: Shopper;
  readonly usage: Usage;
  /** The shopper's cart, priced; empty when they have none. */
  readonly lines: readonly CartLineInput[];
  readonly isInCollection: CollectionMembership;
}

/** The product a promotion adds to the cart, when it names one. */
function given(action: PromotionAction): string | undefined {
  if (action.type === 'gift') return action.productId;
  if (action.type === 'buy_x_get_y') return action.get.productId;
  return undefined;
}

/**
 * The automatic promotions open to this shopper now: in their currency, schedule and audience, with
 * budget and their own limit left. Never an expired, out-of-audience or exhausted one. Coupon-only
 * promotions are not offers: their codes are handed out by the merchant.
 */
export function eligibleOffers(index: PromotionIndex, request: OfferRequest): Offer[] {
  const lines = request.lines.map(workingLine);
  const subtotal = lines.reduce((sum, line) => sum + line.remaining, 0);
  const offers: { offer: Offer; priority: number }[] = [];
  for (const compiled of index.all) {
    const { promotion } = compiled;
    if (promotion.coupon.required) continue;
    if (!checkEligibility(compiled, request).ok) continue;
    let missing = missingForConditions(promotion.conditions, lines, subtotal, request.isInCollection);
    const firstTier = promotion.action.type === 'spend_tiers' ? promotion.action.tiers[0] : undefined;
    if (firstTier !== undefined && subtotal < firstTier.gte) {
      missing = { ...missing, amount: Math.max(missing?.amount ?? 0, firstTier.gte - subtotal) };
    }
    const gift = given(promotion.action);
    offers.push({
      priority: promotion.stacking.priority,
      offer: {
        promotionId: promotion.id,
        title: promotion.title,
        badge: promotion.badge,
        ...(promotion.endsAt !== undefined && { endsAt: promotion.endsAt }),
        ...(missing !== undefined && { missing }),
        ...(gift !== undefined && { productIds: [gift] }),
      },
    });
  }
  return offers
    .sort((a, b) => b.priority - a.priority || (a.offer.promotionId < b.offer.promotionId ? -1 : 1))
    .map(({ offer }) => offer);
}

/** An offer shown beside a product it discounts. */
export interface OfferBadge {
  readonly promotionId: string;
  readonly badge: string;
}

/**
 * The badges a product carries in a listing: of the offers open to the shopper (from
 * `eligibleOffers`), the item promotions whose scope takes in the product. Order-wide promotions
 * discount no product in particular, so they badge none.
 */
export function offerBadges(
  index: PromotionIndex,
  offers: readonly Offer[],
  isInCollection: CollectionMembership,
): (product: MatchableProduct) => OfferBadge[] {
  const open = new Map(offers.map((offer) => [offer.promotionId, offer.badge]));
  if (open.size === 0) return () => [];
  return (product) =>
    index
      .candidates([product])
      .filter(
        (compiled) =>
          open.has(compiled.promotion.id) &&
          compiled.scope !== undefined &&
          matchesProduct(compiled.scope, product, isInCollection),
      )
      .map((compiled) => ({
        promotionId: compiled.promotion.id,
        badge: open.get(compiled.promotion.id) as string,
      }));
}
