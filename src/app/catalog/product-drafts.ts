import {
  CatalogError,
  draftProduct,
  type ProductDraft,
  type ProductInput,
} from '../../domain/catalog/index.js';
import { DomainError, type CurrencyCode } from '../../domain/shared/index.js';
import { asStored, checkLoadable } from '../loadable.js';
import { loadProduct, type CatalogShapes } from './stored-catalog.js';

/**
 * The drafts of a batch of products, every item checked before anything is written: a repeated id
 * or a bad item fails the whole batch with a pointer to it (`/items/3/price/currency`), and nothing
 * is drafted that its loader would refuse.
 * @throws DomainError
 */
export function draftProducts(
  items: readonly (ProductInput & { readonly id: string })[],
  currency: CurrencyCode,
  shapes: CatalogShapes,
): ProductDraft[] {
  const seen = new Set<string>();
  return items.map(({ id, ...input }, index) => {
    if (seen.has(id)) {
      throw new CatalogError('duplicate_id', `${id} appears twice in the batch`, {
        pointer: `/items/${index}/id`,
      });
    }
    seen.add(id);
    try {
      const draft = draftProduct(id, input, currency);
      checkLoadable('product', () => loadProduct(asStored(draft), shapes));
      return draft;
    } catch (error) {
      throw error instanceof DomainError ? error.under(`/items/${index}`) : error;
    }
  });
}
