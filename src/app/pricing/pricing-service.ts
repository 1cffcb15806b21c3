import {
  PriceIndex,
  draftPriceList,
  lowestPrice,
  resolvePrice,
  type AppliedPrice,
  type PriceHistory,
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
const LOWEST_CACHE_SIZE = 20_000;

/**
 * Price lists and price resolution. Lists live in memory with an index from product to the lists
 * that can price it, so resolving reads no store; the price history (for the lowest price of the
 * last 30 days) is kept in memory too and refreshed when lists or base prices change.
 */
export class PricingService {
  readonly #listeners: (() => void)[] = [];
  #index: PriceIndex;
  #history: PriceHistorySince = { lists: [], base: new Map() };
  #lowest = new Map<string, number | null>();
  #refreshing: Promise<void> | undefined;
  #refreshAgain = false;

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
    // Base prices change with products: keep the Omnibus history current (coalesced).
    await this.deps.bus.subscribe(
      'catalog',
      ({ kind }) => {
        if (kind === 'products') this.refreshHistory();
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

  /** Reloads the price history soon (coalesced): base prices changed. */
  refreshHistory(): void {
    if (this.#refreshing !== undefined) {
      this.#refreshAgain = true;
      return;
    }
    this.#refreshing = this.#loadHistory().finally(() => {
      this.#refreshing = undefined;
      if (this.#refreshAgain) {
        this.#refreshAgain = false;
        this.refreshHistory();
      }
    });
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
    const { customer } = request;
    const key = [
      product.id,
      product.version,
      request.currency,
      saleStart,
      [...customer.segments].sort().join(','),
      customer.userId,
      customer.companyId,
      customer.loyaltyTier,
      customer.channel,
      customer.country,
      request.loyaltyPerk?.percentOff,
    ].join('|');
    const cached = this.#lowest.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const history: PriceHistory = {
      lists: this.#history.lists,
      base: this.#history.base.get(product.id) ?? [],
    };
    const lowest = lowestPrice(
      product,
      { from: saleStart - PRIOR_PRICE_WINDOW_MS, to: saleStart },
      request,
      history,
      this.#isInCollection,
    );
    if (this.#lowest.size >= LOWEST_CACHE_SIZE) this.#lowest.clear();
    this.#lowest.set(key, lowest ?? null);
    return lowest;
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
    await this.#loadHistory();
    for (const listener of this.#listeners) listener();
  }

  async #loadHistory(): Promise<void> {
    this.#history = await this.deps.store.priceHistory(this.deps.clock.now() - HISTORY_MS);
    this.#lowest = new Map();
  }
}
