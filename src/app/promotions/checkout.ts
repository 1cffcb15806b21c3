import { hash } from 'node:crypto';
import type { Catalog } from '../../domain/catalog/index.js';
import {
  cartCodes,
  eligibleOffers,
  evaluateCart,
  hasUsageLimits,
  orderCompletedEvent,
  readRecordedAnswer,
  selectForCart,
  type AddableProduct,
  type CartEvaluation,
  type CartLineInput,
  type CartRequest,
  type CouponState,
  type Offer,
  type Usage,
  PromotionError,
} from '../../domain/promotions/index.js';
import { MAX_AMOUNT, SharedError, type CurrencyCode, type Money } from '../../domain/shared/index.js';
import { PerRequestReads } from '../per-request-reads.js';
import { couponsFor } from './personal-coupons.js';
import type { Clock } from '../../ports/clock.js';
import type { Identity, Redemption, Store } from '../../ports/store.js';
import { priceShopperOf, type CustomerContext } from '../customers/customer-context.js';
import type { PricingService } from '../pricing/pricing-service.js';
import type { EventIngestion } from '../profiles/event-ingestion.js';
import type { PromotionService } from './promotion-service.js';
import { promotionFacts, shopperOf } from './promotion-facts.js';
import { UsageReads } from './usage-reads.js';

/** A cart as the storefront sends it (`POST /v1/carts:evaluate`). */
export interface CartInput {
  readonly userId?: string;
  readonly anonymousId?: string;
  readonly currency: CurrencyCode;
  readonly items: readonly { readonly productId: string; readonly quantity: number }[];
  readonly coupons?: readonly string[];
  readonly shipping?: Money;
}

export interface OrderInput extends CartInput {
  readonly orderId: string;
}

export type OrderAnswer = CartEvaluation & { readonly orderId: string };

/** Attempts at an order whose automatic promotions ran out meanwhile, before giving up. */
const MAX_ORDER_ATTEMPTS = 5;

export interface CheckoutDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly catalog: Catalog;
  readonly pricing: PricingService;
  readonly promotions: PromotionService;
  readonly ingestion: EventIngestion;
  readonly hashId: (identity: Identity) => string;
  /** In minor units of the store currency; carts in another currency have no minimum. */
  readonly minOrderTotal: number;
  readonly storeCurrency: CurrencyCode;
}

/**
 * Carts, offers and orders: prices from the pricing module, then promotions (the domain's fixed
 * order), with the limits read from the store just before. Evaluating writes nothing; an order
 * spends limits with conditional updates, so concurrent orders on any number of nodes never overspend.
 */
export class Checkout {
  readonly #usage: UsageReads;
  /**
   * The hashed key of each customer context's own id: a decide reads it five times (offers, the
   * listing's badges, hydration, the cart twice), an HMAC each. Keyed by the id object the context
   * holds, so a hash lives no longer than the raw id beside it (a context lives for one request).
   */
  readonly #unitKeys = new WeakMap<Identity, string>();
  /** The offers of an empty cart, once per request (the listing's badges and hydration's). */
  readonly #openOffers = new PerRequestReads<CustomerContext, readonly Offer[]>();

  constructor(private readonly deps: CheckoutDeps) {
    this.#usage = new UsageReads((ids, customerKey) => deps.store.promotionUsage(ids, customerKey));
  }

  /**
   * @throws DomainError `cart_item_unavailable` (an unknown product, or none priced in the currency)
   * and `currency_mismatch` (shipping in another currency).
   */
  async evaluate(cart: CartInput, customer: CustomerContext): Promise<CartEvaluation> {
    return (await this.#evaluate(cart, customer)).evaluation;
  }

  async #evaluate(
    cart: CartInput,
    customer: CustomerContext,
  ): Promise<{ evaluation: CartEvaluation; coupons: ReadonlyMap<string, CouponState> }> {
    const codes = cartCodes(cart.coupons);
    const request: CartRequest = {
      currency: cart.currency,
      lines: this.#price(cart, customer),
      coupons: codes,
      ...(cart.shipping !== undefined && { shipping: cart.shipping.amount }),
    };
    const coupons = await couponsFor(
      this.deps.store,
      codes,
      this.#customerKey(cart, customer),
      this.deps.clock.now(),
    );
    const selection = selectForCart(request, coupons, this.deps.promotions.index);
    const usage = await this.deps.store.promotionUsage(selection.limited, this.#customerKey(cart, customer));
    const evaluation = evaluateCart(request, selection, {
      now: this.deps.clock.now(),
      shopper: shopperOf(customer),
      usage,
      isInCollection: (collectionId, productId) => this.deps.catalog.isInCollection(collectionId, productId),
      product: (productId) => this.#addable(productId, cart.currency, customer),
      minOrderTotal: cart.currency === this.deps.storeCurrency ? this.deps.minOrderTotal : 0,
    });
    return { evaluation, coupons };
  }

  /** The automatic promotions this customer can get now, with what each still lacks for the cart given. */
  async offers(
    cart: Omit<CartInput, 'items'> & { items?: CartInput['items'] },
    customer: CustomerContext,
  ): Promise<Offer[]> {
    const index = this.deps.promotions.index;
    const lines =
      cart.items === undefined || cart.items.length === 0
        ? []
        : this.#price({ ...cart, items: cart.items }, customer);
    // Coupon-only promotions are never offers: only the automatic ones' usage is read.
    const limited = index.all
      .map((compiled) => compiled.promotion)
      .filter(({ coupon, limits }) => !coupon.required && hasUsageLimits(limits))
      .map((promotion) => promotion.id);
    const usage: Usage = await this.#usage.of(customer, limited, this.#customerKey(cart, customer));
    return eligibleOffers(index, {
      currency: cart.currency,
      now: this.deps.clock.now(),
      shopper: shopperOf(customer),
      usage,
      lines,
      isInCollection: (collectionId, productId) => this.deps.catalog.isInCollection(collectionId, productId),
    });
  }

  /** The automatic promotions open to this customer with no cart; worked out once per request. */
  openOffers(currency: string, customer: CustomerContext): Promise<readonly Offer[]> {
    return this.#openOffers.of(customer, currency, () => this.offers({ currency }, customer));
  }

  /**
   * Re-evaluates the cart and records the order with its redemptions, atomically. Idempotent by
   * orderId: the same request again answers as the first time; another request with a used orderId
   * is a conflict. A code the customer entered that ran out answers 409; an automatic promotion that
   * ran out meanwhile simply stops applying (the cart is evaluated again without it).
   * @throws DomainError `coupon_redeemed`, `budget_exhausted`, `customer_limit`, `order_conflict`.
   */
  async placeOrder(order: OrderInput, customer: CustomerContext): Promise<OrderAnswer> {
    const requestHash = hashRequest(order);
    // A retry is answered from the record before anything is evaluated again: the first order may
    // itself have used up the code or the budget it would now be refused for.
    const earlier = await this.deps.store.findOrder(order.orderId);
    if (earlier !== undefined) return this.#replay(order, requestHash, earlier);
    for (let attempt = 1; attempt <= MAX_ORDER_ATTEMPTS; attempt += 1) {
      const { evaluation, coupons } = await this.#evaluate(order, customer);
      const spent = evaluation.rejected.find(
        (rejection): rejection is typeof rejection & { couponCode: string; reason: keyof typeof REFUSALS } =>
          rejection.couponCode !== undefined && Object.hasOwn(REFUSALS, rejection.reason),
      );
      if (spent !== undefined) throw refusal(spent.reason, spent.couponCode);
      const answer: OrderAnswer = { orderId: order.orderId, ...evaluation };
      const customerKey = this.#customerKey(order, customer);
      const result = await this.deps.store.recordOrder({
        orderId: order.orderId,
        requestHash,
        answer: JSON.stringify(answer),
        ...(customerKey !== undefined && { customerKey }),
        redemptions: this.#redemptions(evaluation, coupons),
        now: this.deps.clock.now(),
      });
      if (result.kind === 'replay') return this.#replay(order, requestHash, result);
      if (result.kind === 'recorded') {
        await this.#track(order, answer);
        return answer;
      }
      const refused = evaluation.discounts.find((discount) => discount.promotionId === result.promotionId);
      if (refused?.couponCode !== undefined) throw refusal(result.reason, refused.couponCode);
      // An automatic promotion ran out meanwhile (or was deleted on another node): evaluate again
      // with fresh promotions and usage, and it no longer applies.
      await this.deps.promotions.refresh();
    }
    throw new PromotionError(
      'order_conflict',
      `order ${order.orderId}: promotions kept running out; try again`,
      {},
    );
  }

  /** The same order again: the first answer (and its tracking, in case that was lost); another cart is a conflict. */
  async #replay(
    order: OrderInput,
    requestHash: string,
    earlier: { requestHash: string; answer: string },
  ): Promise<OrderAnswer> {
    if (earlier.requestHash !== requestHash) {
      throw new PromotionError('order_conflict', `order ${order.orderId} was placed with another cart`, {
        pointer: '/orderId',
      });
    }
    const first = readRecordedAnswer<OrderAnswer>(earlier.answer);
    await this.#track(order, first);
    return first;
  }

  /** What the order takes from each applied promotion's limits. */
  #redemptions(evaluation: CartEvaluation, coupons: ReadonlyMap<string, CouponState>): Redemption[] {
    const index = this.deps.promotions.index;
    return evaluation.discounts.map((discount) => {
      const promotion = index.get(discount.promotionId)?.promotion;
      const perCustomer = promotion?.limits.perCustomer;
      return {
        promotionId: discount.promotionId,
        discount: discount.amount.amount,
        ...(discount.couponCode !== undefined && {
          coupon: {
            code: discount.couponCode,
            singleUse: coupons.get(discount.couponCode)?.singleUse ?? false,
          },
        }),
        ...(perCustomer !== undefined && { perCustomer }),
      };
    });
  }

  /** Tracks the order as an `Order Completed`, which the profile counts once however often it comes. */
  async #track(order: OrderInput, answer: OrderAnswer): Promise<void> {
    const event = orderCompletedEvent(order, answer);
    if (event !== undefined) await this.deps.ingestion.submit([event], { fromServer: true });
  }

  /** Prices every line for the customer. @throws DomainError `cart_item_unavailable`. */
  #price(cart: CartInput, customer: CustomerContext): CartLineInput[] {
    if (cart.shipping !== undefined && cart.shipping.currency !== cart.currency) {
      throw new SharedError(
        'currency_mismatch',
        `shipping is in ${cart.shipping.currency}, the cart in ${cart.currency}`,
        {
          pointer: '/shipping/currency',
        },
      );
    }
    const priced = this.deps.pricing.resolve(cart.items, cart.currency, priceShopperOf(customer));
    const lines = priced.map((item, index) => {
      const product = this.deps.catalog.getProduct(item.productId);
      if (item.final === undefined || product === undefined) {
        throw new PromotionError(
          'cart_item_unavailable',
          `${item.productId}: ${item.error?.code ?? 'not for sale'}`,
          {
            pointer: `/items/${index}/productId`,
            reason: item.error?.code ?? 'product_not_found',
          },
        );
      }
      return { ...promotionFacts(product, item.final.amount, cart.currency), quantity: item.quantity };
    });
    // Each line is bounded by the pricing; their sum (and shipping) must be too, or no total can be written.
    const total = priced.reduce(
      (sum, item) => sum + (item.lineTotal?.amount ?? 0),
      cart.shipping?.amount ?? 0,
    );
    if (total > MAX_AMOUNT) {
      throw new PromotionError(
        'cart_item_unavailable',
        `the cart comes to more than ${MAX_AMOUNT} minor units`,
        {
          pointer: '/items',
          reason: 'amount_too_large',
        },
      );
    }
    return lines;
  }

  /** A product a promotion may add: priced for this customer, with whether it can be sold now. */
  #addable(productId: string, currency: CurrencyCode, customer: CustomerContext): AddableProduct | undefined {
    const product = this.deps.catalog.getProduct(productId);
    const [priced] = this.deps.pricing.resolve(
      [{ productId, quantity: 1 }],
      currency,
      priceShopperOf(customer),
    );
    if (product === undefined || priced?.final === undefined) return undefined;
    return {
      ...promotionFacts(product, priced.final.amount, currency),
      inStock: this.deps.catalog.isSellable(productId),
    };
  }

  /** Whom per-customer limits count: a salted hash of their user id, else their anonymous id. */
  /**
   * Whose per-customer limits apply: the ids the cart names, else the customer the request proved
   * (decide and listings pass no ids with the cart), so a page never offers what the order refuses.
   */
  #customerKey(
    cart: { userId?: string; anonymousId?: string },
    customer: CustomerContext,
  ): string | undefined {
    if (cart.userId !== undefined) return this.deps.hashId({ kind: 'user', value: cart.userId });
    if (cart.anonymousId !== undefined) return this.deps.hashId({ kind: 'anon', value: cart.anonymousId });
    const own = customer.unit?.ids[0];
    if (own === undefined) return undefined;
    let key = this.#unitKeys.get(own);
    if (key === undefined) this.#unitKeys.set(own, (key = this.deps.hashId(own)));
    return key;
  }
}

const REFUSALS = {
  coupon_redeemed: 'this single-use code has been redeemed',
  budget_exhausted: 'the promotion behind this code has run out',
  customer_limit: 'this customer has used this promotion as often as it allows',
} as const;

/** A code the customer entered has hit a limit: the order is refused, naming the code. */
function refusal(reason: keyof typeof REFUSALS, code: string): PromotionError {
  return new PromotionError(reason, `${code}: ${REFUSALS[reason]}`, { pointer: '/coupons', coupon: code });
}

/**
 * A digest of what makes an order this order: the same orderId with another digest is a conflict.
 * Items and codes are sorted, so the same cart listed in another order is the same order.
 */
function hashRequest(order: OrderInput): string {
  const canonical = {
    orderId: order.orderId,
    userId: order.userId ?? null,
    anonymousId: order.anonymousId ?? null,
    currency: order.currency,
    items: order.items.map((item) => `${item.productId}\u0000${item.quantity}`).sort(),
    coupons: cartCodes(order.coupons).sort(),
    shipping: order.shipping?.amount ?? null,
  };
  return hash('sha256', JSON.stringify(canonical), 'hex');
}
