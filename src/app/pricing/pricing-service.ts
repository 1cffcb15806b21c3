import {
  PriceIndex,
  draftPriceList,
  lowestPrice,
  saysOnlyTodaysPrice,
  resolvePrice,
  type AppliedPrice,
  type BasePriceVersion,
  type PriceList,
  type PriceListInput,
  type PricingCustomer,
  PricingError,
} from '../../domain/pricing/index.js';
import type { Catalog, Product } from '../../domain/catalog/index.js';
import type { Money } from '../../domain/shared/index.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import { followOtherNodes, rereadOnChange } from '../follow-other-nodes.js';
import { buildFromLoadable, checkLoadable, storedVersion, type UnloadableReport } from '../loadable.js';
import type { PriceHistorySince, Store, VersionPrecondition } from '../../ports/store.js';
import { yieldToRequests } from '../yield-to-requests.js';
import { LowestPriceMemo } from './lowest-price-memo.js';

/** Who the prices are for: the pricing customer and their loyalty perk (see CustomerContexts). */
export interface PriceShopper {
  readonly customer: PricingCustomer;
  readonly loyaltyPerk?: { readonly tier: string; readonly percentOff: number };
}

/** One resolved line, in the shape of `POST /v1/prices:resolve`. */
export interface PricedItem {
  readonly productId: string;
  readonly quantity: number;
  readonly base?: Money | null;
  readonly final?: Money;
  readonly lineTotal?: Money;
  readonly applied?: readonly AppliedPrice[];
  readonly personalized?: boolean;
  readonly lowestPrice30d?: Money;
  readonly tier?: { readonly priceListId: string; readonly minQuantity: number };
  readonly error?: { readonly code: 'price_unavailable' | 'product_not_found' | 'amount_too_large' };
}

const DAY_MS = 86_400_000;
/** The Omnibus window. */
const PRIOR_PRICE_WINDOW_MS = 30 * DAY_MS;
/** History older than this is never read: the window plus the longest a sale may already have run. */
const HISTORY_MS = 400 * DAY_MS;
/** Products whose base prices are read in one query (SQLite answers it while requests wait). */
const BASE_PRICE_PAGE = 500;
/** A failed history refresh is tried again after 1 s, then 2, then 4; after that with the next message. */
const REFRESH_RETRY_MS = 1_000;
const REFRESH_RETRIES = 3;

/**
 * Price lists and price resolution. Lists live in memory with an index from product to the lists
 * that can price it, so resolving reads no store; the price history (for the lowest price of the
 * last 30 days) is kept in memory too and refreshed when lists or base prices change.
 */
export class PricingService {
  readonly #listeners: (() => void)[] = [];
  #index: PriceIndex;
  #history: { lists: PriceHistorySince['lists']; base: Map<string, readonly BasePriceVersion[]> } = {
    lists: [],
    base: new Map(),
  };
  readonly #lowest = new LowestPriceMemo();
  #refreshing: Promise<void> | undefined;
  /** What to read again once the refresh under way is over: everything, or these products' base prices. */
  #pending: { everything: boolean; products: Set<string> } = { everything: false, products: new Set() };
  /** Refreshes failed in a row (see {@link #retryLater}). */
  #failedRefreshes = 0;

  constructor(
    private readonly deps: {
      readonly store: Store;
      readonly bus: EventBus;
      readonly clock: Clock;
      readonly catalog: Catalog;
      readonly nodeId: string;
      readonly minMarginPercent: number;
      /** Stored price lists that do not load are left out and reported here. */
      readonly reportUnloadable: UnloadableReport;
    },
  ) {
    this.#index = new PriceIndex([], this.#isInCollection);
  }

  /**
   * Calls `listener` once the price lists in memory changed, here or after another node's change:
   * unlike the bus message, it never comes before the new prices can be read.
   */
  onChanged(listener: () => void): void {
    this.#listeners.push(listener);
  }

  async start(): Promise<void> {
    await this.#reload();
    await followOtherNodes(
      this.deps.bus,
      this.deps.nodeId,
      'prices',
      rereadOnChange(() => this.#reload()),
    );
    // An erasure on another node rewrote the audiences that named the customer.
    await followOtherNodes(
      this.deps.bus,
      this.deps.nodeId,
      'erasures',
      rereadOnChange(() => this.#reload()),
    );
    // Base prices change with products: keep the Omnibus history of the products named current
    // (coalesced). Reading the whole history again for each message made an import of 100,000
    // products read it 20 times, each read holding the event loop for up to 1.5 s on SQLite.
    await this.deps.bus.subscribe(
      'catalog',
      ({ kind, ids }) => {
        if (kind === 'products') this.refreshBasePrices(ids);
      },
      { onMissed: () => this.refreshHistory() },
    );
  }

  /** @throws DomainError `invalid_price_list`, `not_loadable`, `version_conflict`. */
  async put(id: string, input: PriceListInput, ifVersion?: VersionPrecondition): Promise<PriceList> {
    const draft = draftPriceList(id, input);
    const others = this.#index.lists.map((compiled) => compiled.list).filter((other) => other.id !== id);
    const stored = storedVersion(draft, this.deps.clock.now());
    checkLoadable('price list', () => this.#build([...others, stored]));
    const list = await this.deps.store.putPriceList(draft, { now: this.deps.clock.now(), ifVersion });
    await this.#reload();
    await this.deps.bus.publish('prices', { origin: this.deps.nodeId, id });
    return list;
  }

  /** Reads the lists again after an erasure here replaced the customer in the audiences that named them. */
  async customerErased(): Promise<void> {
    await this.#reload();
  }

  /** @throws DomainError `price_list_not_found`. */
  async get(id: string): Promise<PriceList> {
    const list = await this.deps.store.getPriceList(id);
    if (list === undefined) throw new PricingError('price_list_not_found', `no price list ${id}`, {});
    return list;
  }

  list(): Promise<PriceList[]> {
    return this.deps.store.listPriceLists();
  }

  async delete(id: string, ifVersion?: VersionPrecondition): Promise<void> {
    if (!(await this.deps.store.deletePriceList(id, ifVersion, this.deps.clock.now()))) {
      throw new PricingError('price_list_not_found', `no price list ${id}`, {});
    }
    await this.#reload();
    await this.deps.bus.publish('prices', { origin: this.deps.nodeId, id });
  }

  /**
   * Resolves the unit price of each line for a shopper, in `currency`, with explanations and, when a
   * sale applies, the lowest price of the 30 days before it began. Reads memory only.
   */
  resolve(
    items: readonly { productId: string; quantity: number }[],
    currency: string,
    shopper: PriceShopper,
  ): PricedItem[] {
    const now = this.deps.clock.now();
    const request = {
      currency,
      customer: shopper.customer,
      now,
      minMarginPercent: this.deps.minMarginPercent,
      ...(shopper.loyaltyPerk !== undefined && { loyaltyPerk: shopper.loyaltyPerk }),
    };
    return items.map(({ productId, quantity }) => {
      const product = this.deps.catalog.getProduct(productId);
      if (product === undefined) return { productId, quantity, error: { code: 'product_not_found' } };
      const result = resolvePrice(product, quantity, request, this.#index.candidates(product));
      if (!result.ok) return { productId, quantity, error: { code: result.code } };
      const { ok: _ok, sale, ...priced } = result;
      const prior =
        sale === undefined
          ? undefined
          : this.#lowestBefore(product, Math.max(sale.from, Date.parse(sale.list.updatedAt)), request);
      return {
        productId,
        quantity,
        ...priced,
        ...(prior !== undefined && { lowestPrice30d: { amount: prior, currency } }),
      };
    });
  }

  /** Reads the whole price history again soon (coalesced): a catalogue message was lost. */
  refreshHistory(): void {
    this.#pending.everything = true;
    this.#refreshSoon();
  }

  /** Reads the base prices of `productIds` again soon (coalesced): those products were written. */
  refreshBasePrices(productIds: readonly string[]): void {
    for (const id of productIds) this.#pending.products.add(id);
    this.#refreshSoon();
  }

  #refreshSoon(): void {
    this.#refreshing ??= this.#refreshPending()
      .then(
        () => {
          this.#failedRefreshes = 0;
        },
        () => this.#retryLater(),
      )
      .finally(() => (this.#refreshing = undefined));
  }

  /**
   * A read failed (the store out of reach): what it was to read waits, with whatever arrives
   * meanwhile, for a try a little later, and for the next message after a few failed tries. A bus
   * handler starts these reads and nobody awaits them, so a failure must end here, not as an
   * unhandled rejection; nor in `settled()`, which a price list's `put` awaits after storing it.
   */
  #retryLater(): void {
    this.#failedRefreshes += 1;
    if (this.#failedRefreshes > REFRESH_RETRIES) return;
    setTimeout(() => this.#refreshSoon(), REFRESH_RETRY_MS * 2 ** (this.#failedRefreshes - 1)).unref();
  }

  async #refreshPending(): Promise<void> {
    for (;;) {
      const taken = this.#pending;
      if (!taken.everything && taken.products.size === 0) return;
      this.#pending = { everything: false, products: new Set() };
      try {
        if (taken.everything) await this.#loadHistory();
        else await this.#loadBasePrices([...taken.products]);
      } catch (error) {
        this.#pending.everything ||= taken.everything;
        for (const id of taken.products) this.#pending.products.add(id);
        throw error;
      }
    }
  }

  /** Base prices a page of products at a time, between which requests are served. */
  async #loadBasePrices(productIds: readonly string[]): Promise<void> {
    const since = this.deps.clock.now() - HISTORY_MS;
    for (let first = 0; first < productIds.length; first += BASE_PRICE_PAGE) {
      const page = productIds.slice(first, first + BASE_PRICE_PAGE);
      const read = await this.deps.store.basePriceHistory(page, since);
      for (const id of page) {
        this.#keepBasePrices(this.#history.base, id, read.get(id));
        this.#lowest.forget(id);
      }
      await yieldToRequests();
    }
  }

  /**
   * Keeps a product's base prices, unless they say no more than the product's price in the catalogue
   * (`saysOnlyTodaysPrice`): a product whose price then changes is named by the catalogue message
   * that changes it, and its prices are read again.
   */
  #keepBasePrices(
    base: Map<string, readonly BasePriceVersion[]>,
    productId: string,
    versions: readonly BasePriceVersion[] | undefined,
  ): void {
    const price = this.deps.catalog.getProduct(productId)?.price;
    if (versions === undefined || (price !== undefined && saysOnlyTodaysPrice(versions, price)))
      base.delete(productId);
    else base.set(productId, versions);
  }

  /** Resolves when a pending history refresh is done (tests and benchmarks). */
  async settled(): Promise<void> {
    while (this.#refreshing !== undefined) await this.#refreshing;
  }

  #lowestBefore(
    product: Product,
    saleStart: number,
    request: Parameters<typeof lowestPrice>[2],
  ): number | undefined {
    const query = {
      productId: product.id,
      productVersion: product.version,
      currency: request.currency,
      saleStart,
      customer: request.customer,
      loyaltyPercentOff: request.loyaltyPerk?.percentOff,
    };
    return this.#lowest.get(query, () =>
      lowestPrice(
        product,
        { from: saleStart - PRIOR_PRICE_WINDOW_MS, to: saleStart },
        request,
        { lists: this.#history.lists, base: this.#history.base.get(product.id) ?? [] },
        this.#isInCollection,
      ),
    );
  }

  readonly #isInCollection = (collectionId: string, productId: string) =>
    this.deps.catalog.isInCollection(collectionId, productId);

  #build(lists: readonly PriceList[]): PriceIndex {
    return new PriceIndex(lists, this.#isInCollection);
  }

  async #reload(): Promise<void> {
    this.#index = buildFromLoadable(
      'price-list',
      await this.deps.store.listPriceLists(),
      (list) => list.id,
      (lists) => this.#build(lists),
      this.deps.reportUnloadable,
    );
    // In turn with the base prices read for catalogue messages: a whole history read before a
    // product's change must not land after the product's own read, and undo it.
    this.refreshHistory();
    await this.settled();
    for (const listener of this.#listeners) listener();
  }

  async #loadHistory(): Promise<void> {
    const { lists, base } = await this.deps.store.priceHistory(this.deps.clock.now() - HISTORY_MS);
    const kept = new Map<string, readonly BasePriceVersion[]>();
    for (const [id, versions] of base) this.#keepBasePrices(kept, id, versions);
    this.#history = { lists, base: kept };
    this.#lowest.clear();
  }
}
