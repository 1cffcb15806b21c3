import {
  DEFAULT_LOCATION,
  draftCollection,
  draftProduct,
  isAvailable,
  type Catalog,
  type Collection,
  type CollectionInput,
  type Page,
  type Product,
  type ProductInput,
  type ProductQuery,
  CatalogError,
} from '../../domain/catalog/index.js';
import { DomainError, type CurrencyCode } from '../../domain/shared/index.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { Store, VersionPrecondition } from '../../ports/store.js';
import type { CatalogChanged, CatalogChangeKind } from '../../ports/topics.js';
import { followOtherNodes } from '../follow-other-nodes.js';

export interface CatalogServiceDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly catalog: Catalog;
  readonly currency: CurrencyCode;
  /** This node's id: messages it published itself are already applied. */
  readonly nodeId: string;
}

/** Stock of one product after an update. */
export interface StockLevel {
  readonly productId: string;
  readonly location: string;
  readonly available: number;
  readonly inStock: boolean;
  readonly totalAvailable: number;
}

export type ChangeKind = CatalogChangeKind;

/**
 * Catalogue use cases. Writes go to the store first (durable), then to this node's memory, then to
 * the bus so other nodes re-read what changed. Reads come from memory only.
 */
export class CatalogService {
  readonly #productListeners: (() => void)[] = [];
  readonly #changeListeners: ((kind: ChangeKind, ids: readonly string[]) => void)[] = [];

  constructor(private readonly deps: CatalogServiceDeps) {}

  /** Calls `listener` after products change here or on another node (models describing products follow). */
  onProductsChanged(listener: () => void): void {
    this.#productListeners.push(listener);
  }

  /**
   * Calls `listener` once products, stock or collections changed in memory, here or after another
   * node's change: unlike the bus message, it never comes before the change can be read.
   */
  onChanged(listener: (kind: ChangeKind, ids: readonly string[]) => void): void {
    this.#changeListeners.push(listener);
  }

  get catalog(): Catalog {
    return this.deps.catalog;
  }

  /** Fills memory from the store and follows other nodes' changes. */
  async start(): Promise<void> {
    const snapshot = await this.deps.store.loadCatalog();
    for (const product of snapshot.products) this.deps.catalog.putProduct(product);
    for (const record of snapshot.stock) {
      this.deps.catalog.setStock(record.productId, record.location, record.available);
    }
    for (const collection of snapshot.collections) this.deps.catalog.putCollection(collection);
    await followOtherNodes(this.deps.bus, this.deps.nodeId, 'catalog', (payload) =>
      this.#applyRemoteChange(payload),
    );
  }

  /** @throws DomainError `product_not_found`. */
  getProduct(id: string): Product {
    const product = this.deps.catalog.getProduct(id);
    if (product === undefined) throw new CatalogError('product_not_found', `no product ${id}`, { id });
    return product;
  }

  listProducts(query: ProductQuery): Page<Product> {
    return this.deps.catalog.listProducts(query);
  }

  async putProduct(id: string, input: ProductInput, ifVersion?: VersionPrecondition): Promise<Product> {
    const draft = draftProduct(id, input, this.deps.currency);
    const product = await this.deps.store.putProduct(draft, { now: this.deps.clock.now(), ifVersion });
    this.deps.catalog.putProduct(product);
    await this.#announce('products', [id]);
    return product;
  }

  /**
   * Writes many products atomically: every item is validated before anything is written, and a bad
   * item fails the whole batch with a pointer to it (`/items/3/price/currency`).
   */
  async putProducts(items: readonly (ProductInput & { readonly id: string })[]): Promise<Product[]> {
    const seen = new Set<string>();
    const drafts = items.map(({ id, ...input }, index) => {
      if (seen.has(id)) {
        throw new CatalogError('duplicate_id', `${id} appears twice in the batch`, {
          pointer: `/items/${index}/id`,
        });
      }
      seen.add(id);
      try {
        return draftProduct(id, input, this.deps.currency);
      } catch (error) {
        throw prefixPointer(error, `/items/${index}`);
      }
    });
    const products = await this.deps.store.putProducts(drafts, this.deps.clock.now());
    for (const product of products) this.deps.catalog.putProduct(product);
    await this.#announce(
      'products',
      products.map((product) => product.id),
    );
    return products;
  }

  /** @throws DomainError `product_not_found` or `version_conflict`. */
  async deleteProduct(id: string, ifVersion?: VersionPrecondition): Promise<void> {
    if (!(await this.deps.store.deleteProduct(id, ifVersion))) {
      throw new CatalogError('product_not_found', `no product ${id}`, { id });
    }
    this.deps.catalog.removeProduct(id);
    await this.#announce('products', [id]);
  }

  /** Records units available at a location (the default location when none is named). */
  async setStock(productId: string, available: number, location = DEFAULT_LOCATION): Promise<StockLevel> {
    await this.deps.store.setStock({ productId, location, available }, this.deps.clock.now());
    this.deps.catalog.setStock(productId, location, available);
    await this.#announce('stock', [productId]);
    const stock = this.deps.catalog.stockOf(productId);
    return {
      productId,
      location,
      available,
      inStock: isAvailable(stock),
      totalAvailable: this.deps.catalog.availableQuantity(productId) ?? available,
    };
  }

  /** @throws DomainError `collection_not_found`. */
  getCollection(id: string): Collection {
    const collection = this.deps.catalog.getCollection(id);
    if (collection === undefined)
      throw new CatalogError('collection_not_found', `no collection ${id}`, { id });
    return collection;
  }

  listCollections(afterId: string | undefined, limit: number): Page<Collection> {
    return this.deps.catalog.listCollections(afterId, limit);
  }

  async putCollection(
    id: string,
    input: CollectionInput,
    ifVersion?: VersionPrecondition,
  ): Promise<Collection> {
    const draft = draftCollection(id, input);
    const collection = await this.deps.store.putCollection(draft, { now: this.deps.clock.now(), ifVersion });
    this.deps.catalog.putCollection(collection);
    await this.#announce('collections', [id]);
    return collection;
  }

  async deleteCollection(id: string): Promise<void> {
    if (!(await this.deps.store.deleteCollection(id))) {
      throw new CatalogError('collection_not_found', `no collection ${id}`, { id });
    }
    this.deps.catalog.removeCollection(id);
    await this.#announce('collections', [id]);
  }

  async #announce(kind: ChangeKind, ids: readonly string[]): Promise<void> {
    if (kind === 'products') this.#productsChanged();
    for (const listener of this.#changeListeners) listener(kind, ids);
    await this.deps.bus.publish('catalog', { origin: this.deps.nodeId, kind, ids });
  }

  #productsChanged(): void {
    for (const listener of this.#productListeners) listener();
  }

  /** Re-reads from the store what another node changed; the store, not the message, is the truth. */
  async #applyRemoteChange({ kind, ids }: CatalogChanged): Promise<void> {
    // A few reads at a time: an import's message names 1,000 products, and each read is a round
    // trip on PostgreSQL (one at a time, a 20,000-row import took minutes to reach a busy node).
    for (let first = 0; first < ids.length; first += REMOTE_READS_AT_ONCE)
      await Promise.all(ids.slice(first, first + REMOTE_READS_AT_ONCE).map((id) => this.#reread(kind, id)));
    if (kind === 'products') this.#productsChanged();
    for (const listener of this.#changeListeners) listener(kind, ids);
  }

  async #reread(kind: ChangeKind, id: string): Promise<void> {
    const { store, catalog } = this.deps;
    if (kind === 'collections') {
      const collection = await store.getCollection(id);
      if (collection === undefined) catalog.removeCollection(id);
      else catalog.putCollection(collection);
      return;
    }
    const [product, stock] = await Promise.all([store.getProduct(id), store.getStock(id)]);
    if (product === undefined) {
      catalog.removeProduct(id);
      return;
    }
    catalog.putProduct(product);
    catalog.replaceStock(id, new Map(stock.map((record) => [record.location, record.available])));
  }
}

/** Products re-read from the store at once after another node's change. */
const REMOTE_READS_AT_ONCE = 8;

function prefixPointer(error: unknown, prefix: string): unknown {
  return error instanceof DomainError ? error.under(prefix) : error;
}
