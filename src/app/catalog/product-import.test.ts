import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type AppFixture } from '../../../test/support/app-fixture.js';
import { importProducts, type ImportRow, type ProductRecordValidator } from './product-import.js';

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
});
