import { matchesProduct, type AttributeValue } from '../shared/index.js';
import type { Product } from './product.js';
import { CatalogError } from './errors.js';

/** Which products a rule-based collection holds. All given fields must match. */
export interface CollectionFilter {
  readonly productIds?: readonly string[];
  readonly categories?: readonly string[];
  readonly brands?: readonly string[];
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  /** Base price bounds in minor units of the store currency, inclusive. */
  readonly price?: { readonly gte?: number; readonly lte?: number };
}

/** A collection as a client writes it: manual (`productIds`, in display order) or rule-based (`filter`). */
export interface CollectionInput {
  readonly title: string;
  readonly description?: string;
  readonly productIds?: readonly string[];
  readonly filter?: CollectionFilter;
}

interface CollectionBase {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}

/** A validated collection: exactly one of `productIds` and `filter`. */
export type CollectionDraft =
  | (CollectionBase & { readonly productIds: readonly string[] })
  | (CollectionBase & { readonly filter: CollectionFilter });

export type Collection = CollectionDraft & { readonly version: number; readonly updatedAt: string };

/**
 * Validates a collection: exactly one of `productIds` and `filter`; manual lists lose duplicates (the
 * first position wins); a price range must not be inverted.
 * @throws DomainError `invalid_collection` or `invalid_price_range`.
 */
export function draftCollection(id: string, input: CollectionInput): CollectionDraft {
  const base = {
    id,
    title: input.title,
    ...(input.description !== undefined && { description: input.description }),
  };
  const { productIds, filter } = input;
  if ((productIds === undefined) === (filter === undefined)) {
    throw new CatalogError('invalid_collection', 'give either productIds (manual) or filter (rule-based)', {
      pointer: filter === undefined ? '/productIds' : '/filter',
    });
  }
  if (productIds !== undefined) return { ...base, productIds: [...new Set(productIds)] };
  const { gte, lte } = filter?.price ?? {};
  if (gte !== undefined && lte !== undefined && gte > lte) {
    throw new CatalogError('invalid_price_range', 'price.gte must not exceed price.lte', {
      pointer: '/filter/price',
    });
  }
  return { ...base, filter: filter as CollectionFilter };
}

/** True when a rule-based filter selects `product` (active products only). */
export function filterSelects(filter: CollectionFilter, product: Product): boolean {
  if (product.status !== 'active' || !matchesProduct(filter, product)) return false;
  const { gte, lte } = filter.price ?? {};
  if (gte !== undefined && product.price.amount < gte) return false;
  return lte === undefined || product.price.amount <= lte;
}
