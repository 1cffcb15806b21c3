/** Codes raised by the catalogue. */
export type CatalogErrorCode =
  | 'product_not_found'
  | 'collection_not_found'
  | 'invalid_category'
  | 'version_conflict'
  | 'invalid_price_range'
  | 'invalid_collection'
  | 'duplicate_id';
