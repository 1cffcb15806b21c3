import { isInCategory } from '../shared/index.js';
import { filterSelects, type Collection } from './collection.js';
import type { Product } from './product.js';
import { isAvailable, totalAvailable, type StockByLocation } from './stock.js';

/** Filters for listing products; all given filters must hold. */
export interface ProductQuery {
  /** A category path; matches the category and its descendants. */
  readonly category?: string;
  /** Case-insensitive brand. */
  readonly brand?: string;
  readonly status?: Product['status'];
  readonly inStock?: boolean;
  /** Start after this id (exclusive), in id order. */
  readonly afterId?: string;
  readonly limit: number;
}

/** A page of a listing; `lastId` is set when more items follow. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly lastId?: string;
}

/**
 * The catalogue held in memory: products, stock and collections, with the indexes listings need.
 * It is the hot-path read model; the store stays the system of record and callers keep the two in step.
 * Listings are in id order (UTF-16 code units), so pagination is stable and identical on every store.
 */
export class Catalog {
  readonly #products = new Map<string, Product>();
  readonly #stock = new Map<string, Map<string, number>>();
  readonly #collections = new Map<string, Collection>();
  /** The products of each group (variants of one product), by groupId. */
  readonly #groups = new Map<string, Set<string>>();
  #sortedIds: string[] | undefined;
  /**
   * Ids added since `#sortedIds` was made, merged into it on the next listing: an import adding
   * products between listings costs a merge then, not a sort of the whole catalogue every time.
   */
  #addedIds: string[] = [];
  #revision = 0;

  get size(): number {
    return this.#products.size;
  }

  /**
   * A number that changes with every change to products, stock or collections: what is derived
   * from the catalogue (a product's card, say) may be kept while it stays the same.
   */
  get revision(): number {
    return this.#revision;
  }

  /** Every product, in no particular order. */
  products(): IterableIterator<Product> {
    return this.#products.values();
  }

  getProduct(id: string): Product | undefined {
    return this.#products.get(id);
  }

  putProduct(product: Product): void {
    this.#revision += 1;
    const before = this.#products.get(product.id);
    if (before === undefined && this.#sortedIds !== undefined) this.#addedIds.push(product.id);
    this.#leaveGroup(before);
    this.#products.set(product.id, product);
    if (product.groupId !== undefined) {
      let members = this.#groups.get(product.groupId);
      if (members === undefined) this.#groups.set(product.groupId, (members = new Set()));
      members.add(product.id);
    }
  }

  removeProduct(id: string): void {
    this.#revision += 1;
    this.#leaveGroup(this.#products.get(id));
    if (this.#products.delete(id)) {
      this.#sortedIds = undefined;
      this.#addedIds = [];
    }
    this.#stock.delete(id);
  }

  /** The other products of this product's group (its variants), in id order; none when ungrouped. */
  variantsOf(productId: string): string[] {
    const group = this.#products.get(productId)?.groupId;
    const members = group === undefined ? undefined : this.#groups.get(group);
    if (members === undefined) return [];
    return [...members].filter((id) => id !== productId).sort();
  }

  #leaveGroup(product: Product | undefined): void {
    if (product?.groupId === undefined) return;
    const members = this.#groups.get(product.groupId);
    members?.delete(product.id);
    if (members?.size === 0) this.#groups.delete(product.groupId);
  }

  /** Replaces the stock records of a product (all locations). */
  replaceStock(productId: string, stock: StockByLocation): void {
    this.#revision += 1;
    if (stock.size === 0) this.#stock.delete(productId);
    else this.#stock.set(productId, new Map(stock));
  }

  setStock(productId: string, location: string, available: number): void {
    this.#revision += 1;
    let byLocation = this.#stock.get(productId);
    if (byLocation === undefined) this.#stock.set(productId, (byLocation = new Map<string, number>()));
    byLocation.set(location, available);
  }

  stockOf(productId: string): StockByLocation | undefined {
    return this.#stock.get(productId);
  }

  /** True when the product exists, is active and is available (see {@link isAvailable}). */
  isSellable(productId: string): boolean {
    const product = this.#products.get(productId);
    return product?.status === 'active' && isAvailable(this.#stock.get(productId));
  }

  /** Units available across locations; `undefined` when stock is not tracked for the product. */
  availableQuantity(productId: string): number | undefined {
    return totalAvailable(this.#stock.get(productId));
  }

  listProducts(query: ProductQuery): Page<Product> {
    const ids = this.#ids();
    const brand = query.brand?.toLowerCase();
    const items: Product[] = [];
    for (let index = firstIndexAfter(ids, query.afterId); index < ids.length; index += 1) {
      const product = this.#products.get(ids[index] as string) as Product;
      if (query.status !== undefined && product.status !== query.status) continue;
      if (brand !== undefined && product.brand?.toLowerCase() !== brand) continue;
      if (query.category !== undefined && !hasCategory(product, query.category)) continue;
      if (query.inStock !== undefined && isAvailable(this.#stock.get(product.id)) !== query.inStock) continue;
      if (items.length === query.limit) return { items, lastId: items[items.length - 1]?.id as string };
      items.push(product);
    }
    return { items };
  }

  getCollection(id: string): Collection | undefined {
    return this.#collections.get(id);
  }

  putCollection(collection: Collection): void {
    this.#revision += 1;
    this.#collections.set(collection.id, collection);
  }

  removeCollection(id: string): void {
    this.#revision += 1;
    this.#collections.delete(id);
  }

  collectionIds(): string[] {
    return [...this.#collections.keys()];
  }

  listCollections(afterId: string | undefined, limit: number): Page<Collection> {
    const ids = [...this.#collections.keys()].sort(compareIds);
    const start = firstIndexAfter(ids, afterId);
    const pageIds = ids.slice(start, start + limit);
    const items = pageIds.map((id) => this.#collections.get(id) as Collection);
    const hasMore = start + limit < ids.length;
    return hasMore ? { items, lastId: pageIds[pageIds.length - 1] as string } : { items };
  }

  /**
   * The active products of a collection, in display order: a manual collection's own order (ids not in
   * the catalogue are skipped), a rule-based collection's id order.
   */
  collectionMembers(collection: Collection): Product[] {
    if ('productIds' in collection) {
      return collection.productIds
        .map((id) => this.#products.get(id))
        .filter((product): product is Product => product?.status === 'active');
    }
    return this.#ids()
      .map((id) => this.#products.get(id) as Product)
      .filter((product) => filterSelects(collection.filter, product));
  }

  /** True when the product belongs to the collection; false for unknown collections. */
  isInCollection(collectionId: string, productId: string): boolean {
    const collection = this.#collections.get(collectionId);
    if (collection === undefined) return false;
    if ('productIds' in collection) return collection.productIds.includes(productId);
    const product = this.#products.get(productId);
    return product !== undefined && filterSelects(collection.filter, product);
  }

  #ids(): string[] {
    if (this.#sortedIds === undefined) this.#sortedIds = [...this.#products.keys()].sort(compareIds);
    else if (this.#addedIds.length > 0)
      this.#sortedIds = mergeSorted(this.#sortedIds, this.#addedIds.sort(compareIds));
    this.#addedIds = [];
    return this.#sortedIds;
  }
}

function hasCategory(product: Product, category: string): boolean {
  return product.categories.some((path) => isInCategory(path, category));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Two sorted lists of ids as one sorted list. */
function mergeSorted(left: readonly string[], right: readonly string[]): string[] {
  const merged = new Array<string>(left.length + right.length);
  let l = 0;
  let r = 0;
  for (let index = 0; index < merged.length; index += 1) {
    const takeLeft = r === right.length || (l < left.length && (left[l] as string) < (right[r] as string));
    merged[index] = takeLeft ? (left[l++] as string) : (right[r++] as string);
  }
  return merged;
}

/** Index of the first id strictly greater than `afterId` in a sorted list (0 when `afterId` is unset). */
function firstIndexAfter(sortedIds: readonly string[], afterId: string | undefined): number {
  if (afterId === undefined) return 0;
  let low = 0;
  let high = sortedIds.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sortedIds[middle] as string) <= afterId) low = middle + 1;
    else high = middle;
  }
  return low;
}
