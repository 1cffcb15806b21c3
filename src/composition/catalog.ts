import { registerCollectionRoutes } from '../adapters/http/collections/routes.js';
import { registerInventoryRoutes } from '../adapters/http/inventory/routes.js';
import { CollectionBody } from '../adapters/http/collections/schemas.js';
import { registerProductRoutes } from '../adapters/http/products/routes.js';
import { ProductBody } from '../adapters/http/products/schemas.js';
import { storedShapeCheck } from '../adapters/http/stored-shapes.js';
import { CatalogService } from '../app/catalog/catalog-service.js';
import { Catalog } from '../domain/catalog/index.js';
import type { ProductTaxonomy } from '../domain/profiles/index.js';
import { capability } from './capability.js';

/** Products, stock and collections, held in memory and kept current across nodes. */
export const catalogCapability = capability([], ({ store, bus, clock, config, nodeId, reportUnloadable }) => {
  const catalog = new CatalogService({
    store,
    bus,
    clock,
    catalog: new Catalog(),
    currency: config.currency,
    nodeId,
    shapes: { product: storedShapeCheck(ProductBody), collection: storedShapeCheck(CollectionBody) },
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

/** What profiles and segments know of a product: its categories and brand, from the catalogue in memory. */
export function productFactsOf(catalog: CatalogService): (productId: string) => ProductTaxonomy | undefined {
  return (productId) => {
    const product = catalog.catalog.getProduct(productId);
    return product === undefined
      ? undefined
      : { categories: product.categories, ...(product.brand !== undefined && { brand: product.brand }) };
  };
}
