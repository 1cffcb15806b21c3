import { DomainError } from '../shared/index.js';

/** Codes raised by the catalogue. */
export type CatalogErrorCode =
  | 'product_not_found'
  | 'collection_not_found'
  | 'invalid_category'
  | 'invalid_price_range'
  | 'invalid_collection'
  | 'duplicate_id';

/**
 * An error raised by the catalogue: its constructor takes only the codes above, so a
 * typo does not compile.
 */
export class CatalogError extends DomainError {
  declare readonly code: CatalogErrorCode;

  constructor(code: CatalogErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
