import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type AppFixture } from '../../../test/support/app-fixture.js';
import {
  importProducts,
  type ImportRow,
  type ProductRecordValidator,
  type ProductWriter,
} from './product-import.js';
import type { Product } from '../../domain/catalog/index.js';
import { StoreProductWriter } from './store-product-writer.js';

let app: AppFixture;
beforeEach(async () => (app = await startApp()));
afterEach(() => app.close());

/** A validator in the spirit of the API schema: an id, a title and a price are required. */
const validate: ProductRecordValidator = (record) =>
  typeof record['id'] === 'string' && typeof record['title'] === 'string' && record['price'] !== undefined
    ? { ok: true, product: record as never }
    : { ok: false, code: 'missing_field', pointer: '/title', detail: 'id, title and price are required' };

async function* rowsOf(rows: readonly ImportRow[]): AsyncIterable<ImportRow> {
  yield* rows;
}

const row = (line: number, id: string, amount = 500, currency = 'GBP'): ImportRow => ({
  line,
  record: { id, title: `Product ${id}`, price: { amount, currency } },
});

describe('importProducts into the catalogue', () => {
  it('writes the good rows and reports each bad one by line, with its code', async () => {
    const summary = await importProducts(
      rowsOf([
        row(1, 'a'),
        { line: 2, record: { id: 'b' } },
        row(3, 'c', 500, 'XYZ'),
        { line: 4, error: { code: 'invalid_json', detail: 'not JSON' } },
        row(5, 'd'),
      ]),
      app.catalog,
      { validate, currency: 'GBP' },
    );
    expect(summary.imported).toBe(2);
    expect(summary.rejected.map(({ line, code }) => ({ line, code }))).toEqual([
      { line: 2, code: 'missing_field' },
      { line: 3, code: expect.any(String) },
      { line: 4, code: 'invalid_json' },
    ]);
    expect(summary.rejected[0]?.pointer).toBe('/title');
    expect(await app.store.countProducts()).toBe(2);
    expect(app.catalog.getProduct('d').title).toBe('Product d');
  });

  it('lets the later row win when an id repeats, and reports progress after each batch', async () => {
    const progress: number[] = [];
    const summary = await importProducts(
      rowsOf([row(1, 'a', 100), row(2, 'b'), row(3, 'a', 300), row(4, 'c'), row(5, 'd')]),
      app.catalog,
      { validate, currency: 'GBP', batchSize: 2, onProgress: (handled) => progress.push(handled) },
    );
    expect(summary.rejected).toEqual([]);
    expect(app.catalog.getProduct('a').price.amount).toBe(300);
    expect(await app.store.countProducts()).toBe(4);
    expect(progress.at(-1)).toBe(5);
    expect(progress.length).toBeGreaterThan(1);
  });

  /** What `attune import` writes through when it writes straight into the store. */
  const storeWriter = (): StoreProductWriter =>
    new StoreProductWriter({
      store: app.store,
      bus: app.bus,
      clock: app.clock,
      currency: 'GBP',
      nodeId: 'import-command',
      // The domain's own checks still run; the stored shapes are the HTTP layer's, tested there.
      shapes: { product: () => undefined, collection: () => undefined },
    });

  it('imports the same file again without changing what it holds (products, prices in force)', async () => {
    const file = () =>
      rowsOf(Array.from({ length: 7 }, (_, index) => row(index + 1, `same-${index}`, 100 + index)));
    const first = await importProducts(file(), storeWriter(), { validate, currency: 'GBP', batchSize: 3 });
    const before = await app.store.getProducts(['same-0', 'same-6']);
    const again = await importProducts(file(), storeWriter(), { validate, currency: 'GBP', batchSize: 3 });
    expect([first.imported, again.imported]).toEqual([7, 7]);
    expect(await app.store.countProducts()).toBe(7);
    const after = await app.store.getProducts(['same-0', 'same-6']);
    const content = (products: readonly Product[]) =>
      products.map((product) => ({ ...product, version: 0, updatedAt: '' }));
    expect(content(after)).toEqual(content(before));
    expect((await app.store.priceHistory(0)).base.get('same-6')).toHaveLength(1);
    // Every batch was announced, so running nodes read what was written.
    expect(app.published('catalog').flatMap(({ ids }) => ids)).toHaveLength(14);
  });

  it('stops at a batch the store refuses: the batches before it are written whole, nothing of it', async () => {
    const writer = storeWriter();
    let batches = 0;
    const failing: ProductWriter = {
      putProducts: (items) =>
        ++batches === 2 ? Promise.reject(new Error('disk full')) : writer.putProducts(items),
    };
    const rows = rowsOf(Array.from({ length: 8 }, (_, index) => row(index + 1, `stop-${index}`)));
    await expect(importProducts(rows, failing, { validate, currency: 'GBP', batchSize: 3 })).rejects.toThrow(
      'disk full',
    );
    const written = await app.store.getProducts(Array.from({ length: 8 }, (_, index) => `stop-${index}`));
    expect(written.map(({ id }) => id).sort()).toEqual(['stop-0', 'stop-1', 'stop-2']);
  });
});
