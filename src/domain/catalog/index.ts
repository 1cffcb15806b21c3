/** The catalogue: products, stock and collections, validated and held in memory for the hot path. */
export { Catalog, type Page, type ProductQuery } from './catalog.js';
export {
  draftCollection,
  filterSelects,
  type Collection,
  type CollectionDraft,
  type CollectionFilter,
  type CollectionInput,
} from './collection.js';
export {
  draftProduct,
  type Product,
  type ProductDraft,
  type ProductImage,
  type ProductInput,
  type ProductStatus,
} from './product.js';
export { costIn, grossMargin, type CostedProduct } from './margin.js';
export { DEFAULT_LOCATION, isAvailable, totalAvailable, type StockByLocation } from './stock.js';
export { CatalogError, type CatalogErrorCode } from './errors.js';
