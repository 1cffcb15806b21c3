import type { CatalogService } from '../../../app/catalog/catalog-service.js';
import { isAvailable, type Product } from '../../../domain/catalog/index.js';

/** The product as answered: the stored record plus its availability. */
export function productView(product: Product, catalog: CatalogService['catalog']) {
  const available = catalog.availableQuantity(product.id);
  return {
    ...product,
    inStock: isAvailable(catalog.stockOf(product.id)),
    ...(available !== undefined && { available }),
  };
}
