import type { WatchedPage } from '../../domain/live/index.js';
import { DomainError } from '../../domain/shared/index.js';
import type { CatalogService } from '../catalog/catalog-service.js';
import {
  priceShopperOf,
  type CustomerContext,
  type CustomerContexts,
  type CustomerRequest,
} from '../customers/customer-context.js';
import type { PricingService } from '../pricing/pricing-service.js';
import type { Checkout } from '../promotions/checkout.js';

/** The page as one customer sees it: who, in which currency, showing which products. */
export interface PageTarget {
  /** Who the customer is, as proven when the stream was opened. */
  readonly customer: CustomerRequest;
  readonly currency: string;
  /** Products the page shows (its product, its listing), sorted. */
  readonly pageProducts: readonly string[];
}

/** What a page showed at one moment, and what that depends on. */
export interface PageSnapshot {
  /** The viewer's prices, stock, qualifying offers and segments. */
  readonly shown: WatchedPage;
  readonly personalized: boolean;
  readonly profileId: string | undefined;
  /** The products whose changes concern the page: its own, the cart's and the latest views. */
  readonly watched: ReadonlySet<string>;
}

export interface PageSnapshotsDeps {
  readonly customers: CustomerContexts;
  readonly pricing: PricingService;
  readonly catalog: CatalogService;
  readonly checkout: Checkout;
}

const RECENT_VIEWS_WATCHED = 4;

/** Reads pages as customers would see them now: the facts `decide` would answer with. */
export class PageSnapshots {
  constructor(private readonly deps: PageSnapshotsDeps) {}

  /** The page now, with the customer's cart and latest views added to its products. */
  async take(page: PageTarget): Promise<PageSnapshot> {
    const customer = await this.deps.customers.resolve(page.customer);
    const cart = customer.profile?.cart ?? [];
    const quantities = new Map<string, number>(page.pageProducts.map((id) => [id, 1]));
    for (const id of customer.profile?.recentlyViewed.slice(0, RECENT_VIEWS_WATCHED) ?? []) {
      if (!quantities.has(id)) quantities.set(id, 1);
    }
    // Cart lines at their quantity: a quantity tier is the price the cart pays.
    for (const line of cart) quantities.set(line.productId, line.quantity);
    const items = [...quantities].map(([productId, quantity]) => ({ productId, quantity }));
    const { pricing } = this.deps;
    const catalog = this.deps.catalog.catalog;
    const prices = new Map<string, { amount: number; currency: string }>();
    for (const priced of pricing.resolve(items, page.currency, priceShopperOf(customer))) {
      if (priced.final !== undefined) prices.set(priced.productId, priced.final);
    }
    const stock = new Map<string, { inStock: boolean; available?: number }>();
    for (const { productId } of items) {
      const available = catalog.availableQuantity(productId);
      stock.set(productId, {
        inStock: catalog.isSellable(productId),
        ...(available !== undefined && { available }),
      });
    }
    return {
      shown: {
        segments: customer.segments,
        prices,
        stock,
        offers: await this.#offers(page.currency, cart, customer),
      },
      personalized: customer.personalized,
      profileId: customer.profile?.id,
      watched: new Set(quantities.keys()),
    };
  }

  async #offers(
    currency: string,
    cart: readonly { productId: string; quantity: number }[],
    customer: CustomerContext,
  ): Promise<WatchedPage['offers']> {
    const sellable = cart.filter(
      (line) => this.deps.catalog.catalog.getProduct(line.productId) !== undefined,
    );
    let offers;
    try {
      offers = await this.deps.checkout.offers({ currency, items: sellable }, customer);
    } catch (error) {
      // A cart the checkout refuses (no price in this currency): the offers open without a cart.
      if (!(error instanceof DomainError)) throw error;
      offers = await this.deps.checkout.offers({ currency }, customer);
    }
    return new Map(
      offers.map((offer) => [
        offer.promotionId,
        { title: offer.title, badge: offer.badge, qualified: offer.missing === undefined },
      ]),
    );
  }
}
