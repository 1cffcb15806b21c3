import {
  draftCollection,
  draftProduct,
  type CollectionDraft,
  type CollectionInput,
  type ProductDraft,
  type ProductInput,
} from '../../domain/catalog/index.js';
import type { StockRecord } from '../../ports/store.js';
import { documentOf, type ShapeCheck } from '../loadable.js';

/** The shapes products and collections are written in (their write routes' body schemas). */
export interface CatalogShapes {
  readonly product: ShapeCheck;
  readonly collection: ShapeCheck;
}

/**
 * A stored product, checked as its write was (shape, then the domain's own draft checks); throws
 * when it would not load. Its currency is not compared with the store's: a node whose currency
 * setting changed still loads what it stored before.
 */
export function loadProduct<T extends ProductDraft>(product: T, shapes: CatalogShapes): T {
  const document = documentOf(product);
  shapes.product(document);
  draftProduct(product.id, document as ProductInput, product.price.currency);
  return product;
}

/** A stored collection, checked as its write was; throws when it would not load. */
export function loadCollection<T extends CollectionDraft>(collection: T, shapes: CatalogShapes): T {
  const document = documentOf(collection);
  shapes.collection(document);
  draftCollection(collection.id, document as CollectionInput);
  return collection;
}

/** A stored stock count: a whole number of units, not below zero; throws otherwise. */
export function loadStock(record: StockRecord): StockRecord {
  const { available, location } = record;
  if (!Number.isSafeInteger(available) || available < 0 || typeof location !== 'string')
    throw new Error(`invalid_value at /available: ${String(available)} is not a count of units`);
  return record;
}

/** How a stock record is named when it is reported as left out. */
export function stockIdOf(record: Pick<StockRecord, 'productId' | 'location'>): string {
  return `${record.productId}/${record.location}`;
}
