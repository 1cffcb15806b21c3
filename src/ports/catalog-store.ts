import type { Collection, CollectionDraft, Product, ProductDraft } from '../domain/catalog/index.js';

/** Units available of one product at one location. */
export interface StockRecord {
  readonly productId: string;
  readonly location: string;
  readonly available: number;
}

/**
 * A precondition on the stored version (from `If-Match`): a number must equal the current version
 * (a list: one of them must), `'*'` requires that the record exists.
 */
export type VersionPrecondition = number | readonly number[] | '*';

export interface WriteOptions {
  /** Epoch milliseconds of the write. */
  readonly now: number;
  readonly ifVersion?: VersionPrecondition | undefined;
}

/** Everything the catalogue keeps, as loaded at start into memory. */
export interface CatalogSnapshot {
  readonly products: readonly Product[];
  readonly stock: readonly StockRecord[];
  readonly collections: readonly Collection[];
}

/** Durable catalogue storage. Writes are committed before they resolve. */
export interface CatalogStore {
  loadCatalog(): Promise<CatalogSnapshot>;
  getProduct(id: string): Promise<Product | undefined>;
  getStock(productId: string): Promise<StockRecord[]>;
  /**
   * The products of `ids` that exist, in no particular order, in one read per few hundred ids:
   * what a node re-reads after another process wrote a batch (an import) into the store.
   */
  getProducts(ids: readonly string[]): Promise<Product[]>;
  /** The stock records of the products of `productIds` (every location), read as {@link getProducts}. */
  getStocks(productIds: readonly string[]): Promise<StockRecord[]>;
  countProducts(): Promise<number>;
  /**
   * Inserts or replaces a product and increments its version.
   * @throws DomainError `version_conflict` when `ifVersion` does not hold.
   */
  putProduct(draft: ProductDraft, options: WriteOptions): Promise<Product>;
  /** Inserts or replaces many products in one transaction: all are written or none. */
  putProducts(drafts: readonly ProductDraft[], now: number): Promise<Product[]>;
  /**
   * Deletes a product and its stock records, and ends its base price at `now` (epoch ms) in the
   * price history; resolves false when it did not exist.
   * @throws DomainError `version_conflict` when `ifVersion` does not hold.
   */
  deleteProduct(id: string, now: number, ifVersion?: VersionPrecondition): Promise<boolean>;
  /**
   * Records the units available at a location.
   * @throws DomainError `product_not_found` when the product does not exist.
   */
  setStock(record: StockRecord, now: number): Promise<void>;
  getCollection(id: string): Promise<Collection | undefined>;
  /** @throws DomainError `version_conflict` when `ifVersion` does not hold. */
  putCollection(draft: CollectionDraft, options: WriteOptions): Promise<Collection>;
  deleteCollection(id: string): Promise<boolean>;
}
