import type { PricingCustomer } from '../../domain/pricing/index.js';

/** Lowest prior prices kept at most, all products together; past it they are all worked out afresh. */
const MAX_ENTRIES = 20_000;

/** What a lowest prior price was worked out for: the product, the sale and who asked. */
export interface LowestPriceQuery {
  readonly productId: string;
  readonly productVersion: number;
  readonly currency: string;
  readonly saleStart: number;
  readonly customer: PricingCustomer;
  readonly loyaltyPercentOff: number | undefined;
}

/**
 * The lowest prior prices (Omnibus) worked out, by product, then by the rest of what they depend on:
 * a page shows the same sale prices to one shopper after another, and reading a product's 30 days of
 * history for each would cost every answer that names it.
 */
export class LowestPriceMemo {
  #byProduct = new Map<string, Map<string, number | null>>();
  #entries = 0;
  /** The shopper's part of the key, once per customer context (a request's), not for each product. */
  readonly #shopperKeys = new WeakMap<PricingCustomer, string>();

  /** The price kept for the query, `compute`'s (then kept) when there is none. */
  get(query: LowestPriceQuery, compute: () => number | undefined): number | undefined {
    const key = [
      query.productVersion,
      query.currency,
      query.saleStart,
      this.#shopperKey(query.customer),
      query.loyaltyPercentOff,
    ].join('|');
    const ofProduct = this.#byProduct.get(query.productId);
    const kept = ofProduct?.get(key);
    if (kept !== undefined) return kept ?? undefined;
    const lowest = compute();
    if (this.#entries >= MAX_ENTRIES) this.clear();
    const entries = this.#byProduct.get(query.productId) ?? new Map<string, number | null>();
    if (!entries.has(key)) this.#entries += 1;
    this.#byProduct.set(query.productId, entries.set(key, lowest ?? null));
    return lowest;
  }

  /** Forgets a product's prices (its base price or versions changed). */
  forget(productId: string): void {
    this.#entries -= this.#byProduct.get(productId)?.size ?? 0;
    this.#byProduct.delete(productId);
  }

  /** Forgets everything (the price lists or the whole history changed). */
  clear(): void {
    this.#byProduct = new Map();
    this.#entries = 0;
  }

  #shopperKey(customer: PricingCustomer): string {
    let key = this.#shopperKeys.get(customer);
    if (key === undefined) {
      const sorted = (ids: ReadonlySet<string> | undefined) => [...(ids ?? [])].sort().join(',');
      key = [
        sorted(customer.segments),
        customer.userId,
        customer.companyId,
        customer.loyaltyTier,
        customer.channel,
        customer.country,
        // An experiment's variant switches lists on or off for its customers: their history differs.
        sorted(customer.priceLists?.enable),
        sorted(customer.priceLists?.disable),
      ].join('|');
      this.#shopperKeys.set(customer, key);
    }
    return key;
  }
}
