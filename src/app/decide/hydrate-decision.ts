import type { RecommendationAnswer } from '../../domain/recommendations/index.js';
import { copyRecord } from '../../domain/shared/index.js';
import type { CustomerContext } from '../customers/customer-context.js';
import type { CartEvaluation, Offer } from '../../domain/promotions/index.js';
import {
  hydrateItems,
  withCards,
  withOfferProducts,
  type Hydration,
  type IncludePart,
  type ProductHydrator,
} from '../listing/hydration.js';
import type { Listing } from '../listing/listing-service.js';

/** Decide hydrates everything it names unless the request says otherwise. */
export const DEFAULT_INCLUDE: readonly IncludePart[] = ['product', 'price'];

/** The parts of a decision that name products. */
export interface DecisionParts {
  readonly listing: Listing | undefined;
  /** The cart evaluated, or why it could not be. */
  readonly cart:
    CartEvaluation | { readonly error: { readonly code: string; readonly detail: string } } | undefined;
  readonly recommendations: Record<string, RecommendationAnswer>;
  readonly offers: readonly Offer[];
}

/** A decision's parts once hydrated: offers carry the products they give as `products`. */
export type HydratedParts = Omit<DecisionParts, 'offers'> & {
  readonly offers: ReturnType<typeof withOfferProducts<Offer>>;
  readonly product: (Hydration & { productId: string }) | undefined;
};

/** What of the request hydration reads. */
export interface HydrationRequest {
  readonly currency: string;
  readonly include?: readonly IncludePart[];
  readonly product?: { readonly productId: string };
}

/**
 * A decision's parts with the products they name hydrated as `include` asks (both parts unless the
 * page says otherwise): recommendation items, listing items, cart lines and what offers give. The page's own product
 * always gets its card, price and badges, as a product page renders them.
 */
export async function hydrateDecision(
  hydrator: ProductHydrator,
  request: HydrationRequest,
  customer: CustomerContext,
  parts: DecisionParts,
): Promise<HydratedParts> {
  const include = request.include ?? DEFAULT_INCLUDE;
  const pageProduct = request.product?.productId;
  const hydrate = await hydrator.prepare(include, request.currency, customer);
  const recommendations: Record<string, RecommendationAnswer> = copyRecord();
  for (const [slot, answer] of Object.entries(parts.recommendations)) {
    recommendations[slot] = { ...answer, items: hydrateItems(answer.items, hydrate, hydrator, include) };
  }
  const { listing, cart } = parts;
  const whole =
    include.length === DEFAULT_INCLUDE.length
      ? hydrate
      : await hydrator.prepare(DEFAULT_INCLUDE, request.currency, customer);
  return {
    product:
      pageProduct === undefined || hydrator.card(pageProduct) === undefined
        ? undefined
        : whole(pageProduct, { productId: pageProduct }),
    recommendations,
    offers: withOfferProducts(parts.offers, hydrate),
    listing:
      listing === undefined ? undefined : { ...listing, items: withCards(listing.items, hydrator, include) },
    cart:
      cart === undefined || 'error' in cart
        ? cart
        : { ...cart, lines: withCards(cart.lines, hydrator, include) },
  };
}
