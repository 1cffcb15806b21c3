import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHABLE_KEY, productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
});
afterAll(() => node.dispose());

describe('products', () => {
  it('creates with 201, replaces with 200, and reads back with an ETag', async () => {
    const created = await node.call('PUT', '/v1/products/85123A', {
      body: productBody({ categories: ['Home/Candles'] }),
    });
    expect(created.status).toBe(201);
    expect(created.headers['etag']).toBe('"1"');
    expect(created.json()).toMatchObject({
      id: '85123A',
      categories: ['home/candles'],
      version: 1,
      inStock: true,
      status: 'active',
    });

    const replaced = await node.call('PUT', '/v1/products/85123A', { body: productBody({ title: 'Heart' }) });
    expect(replaced.status).toBe(200);
    expect(replaced.json()).toMatchObject({ title: 'Heart', version: 2 });

    const read = await node.call('GET', '/v1/products/85123A', { key: PUBLISHABLE_KEY });
    expect(read.status).toBe(200);
    expect(read.headers['etag']).toBe('"2"');
    expect(read.json().price).toEqual({ amount: 295, currency: 'GBP' });
    const unchanged = await node.call('GET', '/v1/products/85123A', { headers: { 'if-none-match': '"2"' } });
    expect(unchanged.status).toBe(304);
  });

  it('refuses a write on a stale version with 412 and accepts the current one', async () => {
    await node.call('PUT', '/v1/products/cas', { body: productBody() });
    const stale = await node.call('PUT', '/v1/products/cas', {
      body: productBody(),
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.json().code).toBe('version_conflict');
    const fresh = await node.call('PUT', '/v1/products/cas', {
      body: productBody(),
      headers: { 'if-match': '"1"' },
    });
    expect(fresh.status).toBe(200);
    const bad = await node.call('PUT', '/v1/products/cas', {
      body: productBody(),
      headers: { 'if-match': 'yesterday' },
    });
    expect(bad.json()).toMatchObject({ status: 400, code: 'invalid_if_match' });
    const missing = await node.call('PUT', '/v1/products/never', {
      body: productBody(),
      headers: { 'if-match': '*' },
    });
    expect(missing.status).toBe(412);
  });

  it('rejects a base price outside the store currency', async () => {
    const response = await node.call('PUT', '/v1/products/eur', {
      body: productBody({ price: { amount: 100, currency: 'EUR' } }),
    });
    expect(response.json()).toMatchObject({
      status: 400,
      code: 'currency_mismatch',
      pointer: '/price/currency',
    });
  });

  it('deletes with 204, then answers 404', async () => {
    await node.call('PUT', '/v1/products/gone', { body: productBody() });
    expect((await node.call('DELETE', '/v1/products/gone')).status).toBe(204);
    const again = await node.call('GET', '/v1/products/gone');
    expect(again.status).toBe(404);
    expect(again.json().code).toBe('product_not_found');
    expect((await node.call('DELETE', '/v1/products/gone')).json().code).toBe('product_not_found');
  });
});

describe('batches', () => {
  it('writes every item or none, and points at the bad one', async () => {
    const items = [
      { id: 'b-1', ...productBody() },
      { id: 'b-2', ...productBody({ price: { amount: -5, currency: 'GBP' } }) },
    ];
    const rejected = await node.call('POST', '/v1/products:batch', { body: { items } });
    expect(rejected.json()).toMatchObject({
      status: 400,
      code: 'invalid_money',
      pointer: '/items/1/price/amount',
    });
    expect((await node.call('GET', '/v1/products/b-1')).status).toBe(404);

    const domainRejected = await node.call('POST', '/v1/products:batch', {
      body: { items: [items[0], { id: 'b-3', ...productBody({ price: { amount: 5, currency: 'USD' } }) }] },
    });
    expect(domainRejected.json()).toMatchObject({
      code: 'currency_mismatch',
      pointer: '/items/1/price/currency',
    });

    const duplicate = await node.call('POST', '/v1/products:batch', {
      body: { items: [items[0], items[0]] },
    });
    expect(duplicate.json()).toMatchObject({ code: 'duplicate_id', pointer: '/items/1/id' });
    expect((await node.call('GET', '/v1/products/b-1')).status).toBe(404);

    const accepted = await node.call('POST', '/v1/products:batch', {
      body: {
        items: Array.from({ length: 1000 }, (_, index) => ({ id: `bulk-${index}`, ...productBody() })),
      },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json().items).toHaveLength(1000);
    expect((await node.call('GET', '/v1/products/bulk-999')).status).toBe(200);
  });

  it('refuses more than 1,000 items', async () => {
    const items = Array.from({ length: 1001 }, (_, index) => ({ id: `over-${index}`, ...productBody() }));
    const response = await node.call('POST', '/v1/products:batch', { body: { items } });
    expect(response.json()).toMatchObject({ status: 400, code: 'too_many_items', pointer: '/items' });
  });
});

describe('listing and stock', () => {
  beforeAll(async () => {
    const items = [
      { id: 'list-a', ...productBody({ categories: ['home/kitchen/mugs'], brand: 'Acme' }) },
      { id: 'list-b', ...productBody({ categories: ['home/kitchenware'] }) },
      { id: 'list-c', ...productBody({ categories: ['home/kitchen'], brand: 'acme' }) },
      { id: 'list-d', ...productBody({ categories: ['home/kitchen'], status: 'archived' }) },
    ];
    await node.call('POST', '/v1/products:batch', { body: { items } });
  });

  it('filters by category prefix, brand and status', async () => {
    const ids = async (query: string) =>
      (await node.call('GET', `/v1/products?${query}`)).json().items.map((item: { id: string }) => item.id);
    expect(await ids('category=Home/Kitchen')).toEqual(['list-a', 'list-c', 'list-d']);
    expect(await ids('category=home/kitchen&status=active')).toEqual(['list-a', 'list-c']);
    expect(await ids('brand=ACME')).toEqual(['list-a', 'list-c']);
  });

  it('takes a product out of in-stock listings the moment its stock is 0', async () => {
    const stock = await node.call('PUT', '/v1/inventory/list-a', { body: { available: 0 } });
    expect(stock.json()).toEqual({
      productId: 'list-a',
      location: 'default',
      available: 0,
      inStock: false,
      totalAvailable: 0,
    });
    const inStock = (await node.call('GET', '/v1/products?category=home/kitchen&inStock=true')).json();
    expect(inStock.items.map((item: { id: string }) => item.id)).toEqual(['list-c', 'list-d']);

    const leeds = await node.call('PUT', '/v1/inventory/list-a', {
      body: { available: 4, location: 'leeds' },
    });
    expect(leeds.json()).toMatchObject({ inStock: true, totalAvailable: 4 });
    expect((await node.call('GET', '/v1/products/list-a')).json()).toMatchObject({
      inStock: true,
      available: 4,
    });
  });

  it('answers 404 for stock of an unknown product', async () => {
    const response = await node.call('PUT', '/v1/inventory/nothing-here', { body: { available: 1 } });
    expect(response.json()).toMatchObject({ status: 404, code: 'product_not_found' });
  });

  it('pages with an opaque cursor: every product once, in order', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? 'limit=7' : `limit=7&cursor=${cursor}`;
      const page = (await node.call('GET', `/v1/products?${query}`)).json();
      all.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(all).toEqual([...all].sort());
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain('bulk-999');
  });
});

describe('collections', () => {
  it('keeps manual order and evaluates rule-based collections', async () => {
    await node.call('PUT', '/v1/products/cheap', {
      body: productBody({ price: { amount: 100, currency: 'GBP' } }),
    });
    await node.call('PUT', '/v1/products/dear', {
      body: productBody({ price: { amount: 100_00, currency: 'GBP' } }),
    });
    const manual = await node.call('PUT', '/v1/collections/picks', {
      body: { title: 'Picks', productIds: ['dear', 'unknown', 'cheap', 'dear'] },
    });
    expect(manual.status).toBe(201);
    expect(manual.json().productIds).toEqual(['dear', 'unknown', 'cheap']);
    const members = (await node.call('GET', '/v1/collections/picks/products')).json();
    expect(members.items.map((item: { id: string }) => item.id)).toEqual(['dear', 'cheap']);

    await node.call('PUT', '/v1/collections/under-2', {
      body: { title: 'Under £2', filter: { productIds: ['cheap', 'dear'], price: { lte: 200 } } },
    });
    const cheap = (
      await node.call('GET', '/v1/collections/under-2/products', { key: PUBLISHABLE_KEY })
    ).json();
    expect(cheap.items.map((item: { id: string }) => item.id)).toEqual(['cheap']);
    expect((await node.call('GET', '/v1/collections')).json().items.map((c: { id: string }) => c.id)).toEqual(
      ['picks', 'under-2'],
    );
  });

  it('needs exactly one of productIds and filter, and a sane price range', async () => {
    const both = await node.call('PUT', '/v1/collections/x', {
      body: { title: 'x', productIds: [], filter: {} },
    });
    expect(both.json().code).toBe('invalid_collection');
    const inverted = await node.call('PUT', '/v1/collections/x', {
      body: { title: 'x', filter: { price: { gte: 5, lte: 1 } } },
    });
    expect(inverted.json()).toMatchObject({ code: 'invalid_price_range', pointer: '/filter/price' });
    expect((await node.call('DELETE', '/v1/collections/x')).json().code).toBe('collection_not_found');
  });
});
