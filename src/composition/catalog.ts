import { registerCollectionRoutes } from '../adapters/http/collections/routes.js';
import { registerInventoryRoutes } from '../adapters/http/inventory/routes.js';
import { CollectionBody } from '../adapters/http/collections/schemas.js';
import { registerProductRoutes } from '../adapters/http/products/routes.js';
import { ProductBody } from '../adapters/http/products/schemas.js';
import { storedShapeCheck } from '../adapters/http/stored-shapes.js';
import { CatalogService } from '../app/catalog/catalog-service.js';
import { StoreProductWriter } from '../app/catalog/store-product-writer.js';
import type { CatalogShapes } from '../app/catalog/stored-catalog.js';
import { Catalog } from '../domain/catalog/index.js';
import type { ProductTaxonomy } from '../domain/profiles/index.js';
import { capability } from './capability.js';

/** What products and collections are written as: their write routes' body schemas. */
const catalogShapes = (): CatalogShapes => ({
  product: storedShapeCheck(ProductBody),
  collection: storedShapeCheck(CollectionBody),
});

/** Products, stock and collections, held in memory and kept current across nodes. */
export const catalogCapability = capability([], ({ store, bus, clock, config, nodeId, reportUnloadable }) => {
  const catalog = new CatalogService({
    store,
    bus,
    clock,
    catalog: new Catalog(),
    currency: config.currency,
    nodeId,
    shapes: catalogShapes(),
    reportUnloadable,
  });
  return {
    services: { catalog },
    routes: [
      (app) => registerProductRoutes(app, catalog),
      (app) => registerInventoryRoutes(app, catalog),
      (app) => registerCollectionRoutes(app, catalog),
    ],
    start: () => catalog.start(),
  };
});

/**
 * Product imports written straight into the store (`attune import` without `--url`): nothing loaded
 * at start, nothing held in memory, what is written announced to the running nodes.
 */
export const productImportCapability = capability([], ({ store, bus, clock, config, nodeId }) => ({
  services: {
    productWriter: new StoreProductWriter({
      store,
      bus,
      clock,
      currency: config.currency,
      nodeId,
      shapes: catalogShapes(),
    }),
  },
}));

/** What profiles and segments know of a product: its categories and brand, from the catalogue in memory. */
export function productFactsOf(catalog: CatalogService): (productId: string) => ProductTaxonomy | undefined {
  return (productId) => {
    const product = catalog.catalog.getProduct(productId);
    return product === undefined
      ? undefined
      : { categories: product.categories, ...(product.brand !== undefined && { brand: product.brand }) };
  };
}
