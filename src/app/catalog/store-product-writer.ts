import type { Product, ProductInput } from '../../domain/catalog/index.js';
import type { CurrencyCode } from '../../domain/shared/index.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { Store } from '../../ports/store.js';
import { draftProducts } from './product-drafts.js';
import type { ProductWriter } from './product-import.js';
import type { CatalogShapes } from './stored-catalog.js';

export interface StoreProductWriterDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly currency: CurrencyCode;
  readonly nodeId: string;
  readonly shapes: CatalogShapes;
}

/**
 * Writes imported products straight into the store, for `attune import` without `--url`: each batch
 * checked as `POST /v1/products:batch` checks it, written in one transaction, then announced on the
 * bus so running nodes read it. Unlike {@link CatalogService} it holds no catalogue in memory: a
 * command importing into a large catalogue neither loads it first nor keeps what it wrote.
 */
export class StoreProductWriter implements ProductWriter {
  constructor(private readonly deps: StoreProductWriterDeps) {}

  async putProducts(items: readonly (ProductInput & { readonly id: string })[]): Promise<readonly Product[]> {
    const { store, bus, clock, currency, nodeId, shapes } = this.deps;
    const products = await store.putProducts(draftProducts(items, currency, shapes), clock.now());
    await bus.publish('catalog', { origin: nodeId, kind: 'products', ids: products.map(({ id }) => id) });
    return products;
  }
}
