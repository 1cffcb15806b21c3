import type { BasePriceVersion, ListVersion, PriceList, PriceListDraft } from '../domain/pricing/index.js';
import type { VersionPrecondition, WriteOptions } from './catalog-store.js';

/** Everything that shaped prices since a moment: list versions and changed base prices. */
export interface PriceHistorySince {
  readonly lists: readonly ListVersion[];
  readonly base: ReadonlyMap<string, readonly BasePriceVersion[]>;
}

export interface PriceStore {
  /** Writes a list and closes its previous version in the history, in one transaction. */
  putPriceList(draft: PriceListDraft, options: WriteOptions): Promise<PriceList>;
  getPriceList(id: string): Promise<PriceList | undefined>;
  listPriceLists(): Promise<PriceList[]>;
  deletePriceList(id: string, ifVersion: VersionPrecondition | undefined, now: number): Promise<boolean>;
  /** List versions and base prices in force at any time from `since` on. */
  priceHistory(since: number): Promise<PriceHistorySince>;
  /**
   * The base prices of `productIds` in force at any time from `since` on, oldest first (a product
   * with none is absent): what {@link priceHistory} holds for them, read after they were written.
   * At most 1,000 ids a call.
   */
  basePriceHistory(productIds: readonly string[], since: number): Promise<Map<string, BasePriceVersion[]>>;
}
