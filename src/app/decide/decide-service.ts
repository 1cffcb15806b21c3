import { randomUUID } from 'node:crypto';
import type {
  RecommendationAnswer,
  RecommendationFilter,
  Strategy,
} from '../../domain/recommendations/index.js';
import { DomainError, copyRecord } from '../../domain/shared/index.js';
import type { ExperimentEntry } from '../../domain/experiments/index.js';
import type { CartEvaluation } from '../../domain/promotions/index.js';
import type { Clock } from '../../ports/clock.js';
import type { ContentService, ResolvedContent } from '../content/content-service.js';
import type { CustomerContext } from '../customers/customer-context.js';
import type { Hydration, IncludePart, ProductHydrator } from '../listing/hydration.js';
import type { Listing, ListingService } from '../listing/listing-service.js';
import type { Checkout } from '../promotions/checkout.js';
import type { RecommendationService } from '../recommendations/recommendation-service.js';
import type { DecisionLog } from './decision-log.js';
import { hydrateDecision, type HydratedParts } from './hydrate-decision.js';

/** One page's needs, as a storefront asks for them in `POST /v1/decide` (docs/api.md, Decide). */
export interface DecideRequest {
  readonly currency: string;
  /** What each product named carries; both parts unless the page says otherwise. */
  readonly include?: readonly IncludePart[];
  /** The product a product page shows: answered hydrated, whatever `include` says. */
  readonly product?: { readonly productId: string };
  readonly listing?: {
    readonly category?: string;
    readonly query?: string;
    readonly limit: number;
    readonly cursor?: string;
  };
  readonly recommendations?: readonly {
    readonly slot: string;
    readonly strategy: Strategy;
    readonly productId?: string;
    readonly limit: number;
    readonly filter?: RecommendationFilter;
  }[];
  readonly content?: readonly string[];
  readonly cart?: {
    readonly items: readonly { readonly productId: string; readonly quantity: number }[];
    readonly coupons?: readonly string[];
  };
}

export interface Decision {
  readonly decisionId: string;
  readonly personalized: boolean;
  readonly customer: { readonly segments: readonly string[]; readonly loyaltyTier?: string };
  /** The page's product, hydrated; absent when the catalogue does not hold it. */
  readonly product?: Hydration & { readonly productId: string };
  readonly listing?: Listing;
  readonly recommendations: Record<string, RecommendationAnswer>;
  readonly content: Record<string, ResolvedContent>;
  /** The cart evaluated, or why it could not be (a product gone from the catalogue, say). */
  readonly cart?: CartEvaluation | { readonly error: { readonly code: string; readonly detail: string } };
  /** The promotions open to the customer; what one gives (a gift) is hydrated as `products`. */
  readonly offers: HydratedParts['offers'];
  /** The experiments whose variants this answer applies. */
  readonly experiments: readonly ExperimentEntry[];
}

export interface DecideServiceDeps {
  readonly clock: Clock;
  readonly listings: ListingService;
  readonly recommendations: RecommendationService;
  readonly content: ContentService;
  readonly checkout: Checkout;
  readonly log: DecisionLog;
  readonly hydrator: ProductHydrator;
}

/**
 * The page-level decision: listing, recommendations, content, cart and offers for one customer in
 * one answer, all read with the same customer context, so the price a listing shows is the price
 * the cart charges. The decision is recorded for attribution without waiting on the store.
 */
export class DecideService {
  constructor(private readonly deps: DecideServiceDeps) {}

  /**
   * The decision for `customer`, recorded for attribution unless `record` is false (a preview, whose
   * decisionId then starts `prv_` so no event can cite it).
   */
  async decide(request: DecideRequest, customer: CustomerContext, record = true): Promise<Decision> {
    const { listings, recommendations, content, checkout } = this.deps;
    const cartItems = request.cart?.items ?? [];
    const [listing, cart] = await Promise.all([
      request.listing === undefined
        ? undefined
        : listings.list({ ...request.listing, currency: request.currency }, customer),
      request.cart === undefined ? undefined : this.#cart(request, customer),
    ]);
    // Offers read the cart too; one the checkout refused is left out rather than failing the page.
    const offers = await checkout.offers(
      { currency: request.currency, ...(cart !== undefined && !('error' in cart) && { items: cartItems }) },
      customer,
    );
    // Keyed by the page's slot names: any string, `__proto__` too, is a plain key.
    const recommended: Record<string, RecommendationAnswer> = copyRecord();
    for (const { slot, ...query } of request.recommendations ?? []) {
      // A strategy an experiment names was checked against the strategies when it was written.
      const tested = customer.experiments?.recommendations.get(slot) as Strategy | undefined;
      const productId = query.productId ?? request.product?.productId;
      recommended[slot] = await recommendations.recommend(
        {
          ...query,
          strategy: tested ?? query.strategy,
          ...(productId !== undefined && { productId }),
          cart: cartItems.map((item) => item.productId),
        },
        customer,
      );
    }
    const shownContent = content.resolve(request.content ?? [], customer);
    const hydrated = await hydrateDecision(this.deps.hydrator, request, customer, {
      listing,
      cart,
      recommendations: recommended,
      offers,
    });
    const decision: Decision = {
      decisionId: `${record ? 'dec' : 'prv'}_${randomUUID()}`,
      personalized: customer.personalized,
      customer: {
        segments: customer.segments,
        ...(customer.loyaltyTier !== undefined && { loyaltyTier: customer.loyaltyTier }),
      },
      ...(hydrated.product !== undefined && { product: hydrated.product }),
      ...(hydrated.listing !== undefined && { listing: hydrated.listing }),
      recommendations: hydrated.recommendations,
      content: shownContent,
      ...(hydrated.cart !== undefined && { cart: hydrated.cart }),
      offers: hydrated.offers,
      experiments: customer.experiments?.entries ?? [],
    };
    if (!record) return decision;
    this.deps.log.record({
      id: decision.decisionId,
      profileId: customer.profile?.id ?? null,
      at: this.deps.clock.now(),
      shown: JSON.stringify({
        listing: listing?.items.map((item) => item.productId) ?? [],
        recommendations: Object.fromEntries(
          Object.entries(recommended).map(([slot, answer]) => [
            slot,
            answer.items.map((item) => item.productId),
          ]),
        ),
        strategies: Object.fromEntries(
          Object.entries(recommended).map(([slot, answer]) => [slot, answer.strategy]),
        ),
        content: Object.fromEntries(
          Object.entries(shownContent).map(([slot, chosen]) => [slot, chosen.variantId]),
        ),
        // A click citing this decision counts for these experiments only.
        experiments: decision.experiments,
      }),
    });
    return decision;
  }

  /** The cart evaluated; a cart the checkout refuses is reported in the answer, not as a failed page. */
  async #cart(request: DecideRequest, customer: CustomerContext): Promise<Decision['cart']> {
    const cart = request.cart;
    if (cart === undefined) return undefined;
    try {
      return await this.deps.checkout.evaluate(
        {
          currency: request.currency,
          items: cart.items,
          ...(cart.coupons !== undefined && { coupons: cart.coupons }),
        },
        customer,
      );
    } catch (error) {
      if (error instanceof DomainError) return { error: { code: error.code, detail: error.message } };
      throw error;
    }
  }
}
