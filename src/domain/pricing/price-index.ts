import type { CollectionMembership, MatchableProduct } from '../shared/index.js';
import { compilePriceList, listCovers, type CompiledPriceList } from './compiled-list.js';
import type { PriceList } from './price-list.js';

/**
 * Every price list, compiled, with the lists that can price a product found once per product and
 * remembered (until the product object changes: the catalogue replaces products, it never mutates
 * them). Resolving a price then only filters a handful of candidates.
 */
export class PriceIndex {
  readonly lists: readonly CompiledPriceList[];
  readonly #explicit = new Map<string, CompiledPriceList[]>();
  readonly #rules: readonly CompiledPriceList[];
  readonly #candidates = new WeakMap<object, readonly CompiledPriceList[]>();

  constructor(
    lists: readonly PriceList[],
    private readonly isInCollection: CollectionMembership,
  ) {
    this.lists = lists.map(compilePriceList);
    for (const list of this.lists) {
      for (const productId of list.fixed.keys()) {
        let entries = this.#explicit.get(productId);
        if (entries === undefined) this.#explicit.set(productId, (entries = []));
        entries.push(list);
      }
    }
    this.#rules = this.lists.filter((list) => list.list.rule !== undefined);
  }

  /** The lists that can price `product` at all, whatever the customer, quantity or time. */
  candidates(product: MatchableProduct): readonly CompiledPriceList[] {
    let found = this.#candidates.get(product);
    if (found === undefined) {
      found = [
        ...(this.#explicit.get(product.id) ?? []),
        ...this.#rules.filter((list) => listCovers(list, product, this.isInCollection)),
      ];
      this.#candidates.set(product, found);
    }
    return found;
  }
}
