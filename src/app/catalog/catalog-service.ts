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
import type { CurrencyCode } from '../../domain/shared/index.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { StockRecord, Store, VersionPrecondition } from '../../ports/store.js';
import type { CatalogChanged, CatalogChangeKind } from '../../ports/topics.js';
import { followOtherNodes } from '../follow-other-nodes.js';
import { asStored, checkLoadable, KindLoader, type UnloadableReport } from '../loadable.js';
import { FairSlices } from '../yield-to-requests.js';
import { draftProducts } from './product-drafts.js';
import { loadCollection, loadProduct, loadStock, stockIdOf, type CatalogShapes } from './stored-catalog.js';

export interface CatalogServiceDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly catalog: Catalog;
  readonly currency: CurrencyCode;
  /** This node's id: messages it published itself are already applied. */
  readonly nodeId: string;
  /** What products and collections are written as: a stored one that no longer is, is left out. */
  readonly shapes: CatalogShapes;
  /** Stored products, stock and collections that do not load are left out and reported here. */
  readonly reportUnloadable: UnloadableReport;
  /** The turns another node's changes are applied in (slices of 4-5 ms by default). */
  readonly newSlices?: () => FairSlices;
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
  readonly #productListeners: ((ids: readonly string[]) => void)[] = [];
  readonly #changeListeners: ((kind: ChangeKind, ids: readonly string[]) => void)[] = [];
  readonly #products: KindLoader;
  readonly #stock: KindLoader;
  readonly #collections: KindLoader;

  constructor(private readonly deps: CatalogServiceDeps) {
    this.#products = new KindLoader('product', deps.reportUnloadable);
    this.#stock = new KindLoader('stock', deps.reportUnloadable);
    this.#collections = new KindLoader('collection', deps.reportUnloadable);
  }

  /**
   * Calls `listener` with the ids of products that changed (or were removed) here or on another
   * node, once memory holds the change, in the order the catalogue took them (models describing
   * products follow).
   */
  onProductsChanged(listener: (ids: readonly string[]) => void): void {
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
    await this.#fill();
    await followOtherNodes(this.deps.bus, this.deps.nodeId, 'catalog', {
      changed: (payload) => this.#applyRemoteChange(payload),
      missed: () => this.#rereadEverything(),
    });
  }

  /** Puts what the store holds into memory. */
  async #fill(): Promise<{ products: Set<string>; collections: Set<string> }> {
    const { store, catalog, shapes } = this.deps;
    const snapshot = await store.loadCatalog();
    const idOf = ({ id }: { id: string }) => id;
    const stock = new Map<string, Map<string, number>>();
    for (const record of this.#stock.all(snapshot.stock, stockIdOf, loadStock)) {
      const byLocation = stock.get(record.productId) ?? new Map<string, number>();
      stock.set(record.productId, byLocation.set(record.location, record.available));
    }
    for (const product of this.#products.all(snapshot.products, idOf, (item) => loadProduct(item, shapes))) {
      catalog.putProduct(product);
      catalog.replaceStock(product.id, stock.get(product.id) ?? new Map());
    }
    for (const collection of this.#collections.all(snapshot.collections, idOf, (item) =>
      loadCollection(item, shapes),
    ))
      catalog.putCollection(collection);
    return {
      products: new Set(snapshot.products.map(idOf)),
      collections: new Set(snapshot.collections.map(idOf)),
    };
  }

  /**
   * Catches up after the bus lost other nodes' catalogue changes: the whole catalogue is read again,
   * and what the store no longer holds leaves memory.
   */
  async #rereadEverything(): Promise<void> {
    const { catalog } = this.deps;
    const before = {
      products: [...catalog.products()].map(({ id }) => id),
      collections: catalog.collectionIds(),
    };
    const stored = await this.#fill();
    const goneProducts = before.products.filter((id) => !stored.products.has(id));
    for (const id of goneProducts) catalog.removeProduct(id);
    for (const id of before.collections.filter((each) => !stored.collections.has(each)))
      catalog.removeCollection(id);
    this.#productsChanged([...stored.products, ...goneProducts]);
    for (const listener of this.#changeListeners) {
      listener('products', [...stored.products, ...goneProducts]);
      listener('collections', [...stored.collections]);
    }
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
    checkLoadable('product', () => loadProduct(asStored(draft), this.deps.shapes));
    const product = await this.deps.store.putProduct(draft, { now: this.deps.clock.now(), ifVersion });
    this.deps.catalog.putProduct(product);
    this.#products.forget(id);
    await this.#announce('products', [id]);
    return product;
  }

  /**
   * Writes many products atomically: every item is validated before anything is written, and a bad
   * item fails the whole batch with a pointer to it (`/items/3/price/currency`).
   */
  async putProducts(items: readonly (ProductInput & { readonly id: string })[]): Promise<Product[]> {
    const drafts = draftProducts(items, this.deps.currency, this.deps.shapes);
    const products = await this.deps.store.putProducts(drafts, this.deps.clock.now());
    for (const product of products) {
      this.deps.catalog.putProduct(product);
      this.#products.forget(product.id);
    }
    await this.#announce(
      'products',
      products.map((product) => product.id),
    );
    return products;
  }

  /** @throws DomainError `product_not_found` or `version_conflict`. */
  async deleteProduct(id: string, ifVersion?: VersionPrecondition): Promise<void> {
    if (!(await this.deps.store.deleteProduct(id, this.deps.clock.now(), ifVersion))) {
      throw new CatalogError('product_not_found', `no product ${id}`, { id });
    }
    this.deps.catalog.removeProduct(id);
    this.#products.forget(id);
    await this.#announce('products', [id]);
  }

  /** Records units available at a location (the default location when none is named). */
  async setStock(productId: string, available: number, location = DEFAULT_LOCATION): Promise<StockLevel> {
    await this.deps.store.setStock({ productId, location, available }, this.deps.clock.now());
    this.deps.catalog.setStock(productId, location, available);
    this.#stock.forget(stockIdOf({ productId, location }));
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
    checkLoadable('collection', () => loadCollection(asStored(draft), this.deps.shapes));
    const collection = await this.deps.store.putCollection(draft, { now: this.deps.clock.now(), ifVersion });
    this.deps.catalog.putCollection(collection);
    this.#collections.forget(id);
    await this.#announce('collections', [id]);
    return collection;
  }

  async deleteCollection(id: string): Promise<void> {
    if (!(await this.deps.store.deleteCollection(id))) {
      throw new CatalogError('collection_not_found', `no collection ${id}`, { id });
    }
    this.deps.catalog.removeCollection(id);
    this.#collections.forget(id);
    await this.#announce('collections', [id]);
  }

  async #announce(kind: ChangeKind, ids: readonly string[]): Promise<void> {
    if (kind === 'products') this.#productsChanged(ids);
    for (const listener of this.#changeListeners) listener(kind, ids);
    await this.deps.bus.publish('catalog', { origin: this.deps.nodeId, kind, ids });
  }

  #productsChanged(ids: readonly string[]): void {
    for (const listener of this.#productListeners) listener(ids);
  }

  /**
   * Re-reads from the store what another node changed; the store, not the message, is the truth.
   * Products are read a page of ids at a time (an import's message names thousands: one read each
   * took minutes to reach a node on PostgreSQL) and applied in slices between which requests are
   * served, each page announced once it is in memory. One slice clock runs across the pages, so a
   * page's read and announcement count too: when each page restarted it, a 5,000-product message on
   * SQLite (20 pages, none spending 5 ms on its own) held requests for up to 190 ms.
   */
  async #applyRemoteChange({ kind, ids }: CatalogChanged): Promise<void> {
    if (kind === 'collections') {
      for (const id of ids) await this.#rereadCollection(id);
      for (const listener of this.#changeListeners) listener(kind, ids);
      return;
    }
    const slices = this.deps.newSlices?.() ?? new FairSlices({ maxMs: APPLY_SLICE_MS });
    const pageSize = remotePageFor(this.deps.store.kind);
    for (let first = 0; first < ids.length; first += pageSize) {
      if (slices.due) await slices.giveWay();
      const page = ids.slice(first, first + pageSize);
      const [stored, stock] = await Promise.all([
        this.deps.store.getProducts(page),
        this.deps.store.getStocks(page),
      ]);
      await this.#applyProducts(page, stored, stock, slices);
      this.#productsChanged(page);
      for (const listener of this.#changeListeners) listener(kind, page);
    }
  }

  async #applyProducts(
    ids: readonly string[],
    stored: readonly Product[],
    stock: readonly StockRecord[],
    slices: FairSlices,
  ): Promise<void> {
    const { catalog, shapes } = this.deps;
    const byId = new Map(stored.map((product) => [product.id, product]));
    const stockById = new Map<string, StockRecord[]>();
    for (const record of stock) {
      const records = stockById.get(record.productId);
      if (records === undefined) stockById.set(record.productId, [record]);
      else records.push(record);
    }
    for (const id of ids) {
      const found = byId.get(id);
      const product = found && this.#products.one(id, () => loadProduct(found, shapes));
      if (found === undefined) this.#products.forget(id);
      if (product === undefined) catalog.removeProduct(id);
      else {
        catalog.putProduct(product);
        const counts = (stockById.get(id) ?? []).filter((record) =>
          this.#stock.one(stockIdOf(record), () => loadStock(record)),
        );
        catalog.replaceStock(id, new Map(counts.map((record) => [record.location, record.available])));
      }
      if (slices.due) await slices.giveWay();
    }
  }

  async #rereadCollection(id: string): Promise<void> {
    const { store, catalog, shapes } = this.deps;
    const stored = await store.getCollection(id);
    const collection = stored && this.#collections.one(id, () => loadCollection(stored, shapes));
    if (stored === undefined) this.#collections.forget(id);
    if (collection === undefined) catalog.removeCollection(id);
    else catalog.putCollection(collection);
  }
}

/**
 * Products re-read from the store in one read (and applied before the next is read). SQLite answers
 * synchronously, so a page of 1,000 (read and parsed at once) held requests up for 30-60 ms during an
 * import; a store across the network answers while requests are served, and each page is a round trip.
 */
const remotePageFor = (storeKind: string) => (storeKind === 'sqlite' ? 250 : 1_000);
/**
 * Longest stretch of applying another node's products before requests get their turn, ms: the
 * fair slices' default maximum (40 ms, for work that must keep pace with ingestion) would let an
 * import hold catalogue reads far past twice their quiet p99.
 */
const APPLY_SLICE_MS = 5;
