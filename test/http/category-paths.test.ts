import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHABLE_KEY, productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
  await node.call('PUT', '/v1/products/mug', {
    body: productBody({ title: 'Mug', categories: ['home/kitchen'] }),
  });
});
afterAll(() => node.dispose());

/** A path that names no segment once normalised: blank, slashes, or both. */
const NAMELESS = [' ', '/', ' / ', '\t//\n'];

/**
 * Every field that takes a category path, with a body that is valid but for it. A nameless path
 * used to be kept (selecting nothing, silently), dropped (a listing of the whole catalogue), or
 * stored as an empty string that the answer's schema then refused (a 500).
 */
const FIELDS: {
  name: string;
  method: 'PUT' | 'POST';
  url: string;
  key?: string;
  body: (path: string) => Record<string, unknown>;
  pointer: string;
}[] = [
  {
    name: 'a product',
    method: 'PUT',
    url: '/v1/products/plate',
    body: (path) => productBody({ title: 'Plate', categories: ['home', path] }),
    pointer: '/categories/1',
  },
  {
    name: "a promotion's match",
    method: 'PUT',
    url: '/v1/promotions/blank',
    body: (path) => ({
      title: 'Blank',
      action: { type: 'fixed_price', match: { categories: [path] }, amount: 295 },
    }),
    pointer: '/action/match/categories/0',
  },
  {
    name: "a price list's rule",
    method: 'PUT',
    url: '/v1/price-lists/blank',
    body: (path) => ({
      type: 'sale',
      currency: 'GBP',
      rule: { percentOff: 10, match: { categories: [path] } },
    }),
    pointer: '/rule/match/categories/0',
  },
  {
    name: "a collection's filter",
    method: 'PUT',
    url: '/v1/collections/blank',
    body: (path) => ({ title: 'Blank', filter: { categories: [path] } }),
    pointer: '/filter/categories/0',
  },
  {
    name: "a merchandising boost's match",
    method: 'PUT',
    url: '/v1/recommendations/rules',
    body: (path) => ({ boosts: [{ match: { categories: [path] }, factor: 2 }] }),
    pointer: '/boosts/0/match/categories/0',
  },
  {
    name: "a recommendation's filter",
    method: 'POST',
    url: '/v1/recommendations',
    key: PUBLISHABLE_KEY,
    body: (path) => ({ strategy: 'popular', limit: 5, filter: { categories: [path] } }),
    pointer: '/filter/categories/0',
  },
  {
    name: "a listing's pin",
    method: 'PUT',
    url: '/v1/listings/rules',
    body: (path) => ({ pins: [{ category: path, productIds: ['mug'] }] }),
    pointer: '/pins/0/category',
  },
  {
    name: 'a listing',
    method: 'POST',
    url: '/v1/listings',
    key: PUBLISHABLE_KEY,
    body: (path) => ({ anonymousId: 'a-1', currency: 'GBP', category: path, limit: 5 }),
    pointer: '/category',
  },
  {
    name: "decide's listing",
    method: 'POST',
    url: '/v1/decide',
    key: PUBLISHABLE_KEY,
    body: (path) => ({ anonymousId: 'a-1', currency: 'GBP', listing: { category: path, limit: 5 } }),
    pointer: '/listing/category',
  },
];

describe('category paths', () => {
  it.each(NAMELESS)('refuses %j in a product list query as invalid_category', async (path) => {
    const response = await node.call('GET', `/v1/products?category=${encodeURIComponent(path)}`);
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_category', pointer: '/category', in: 'query' });
  });

  it('lists the products of a category written loosely, as listings read it', async () => {
    const response = await node.call(
      'GET',
      `/v1/products?category=${encodeURIComponent(' Home / Kitchen/ ')}`,
    );
    expect(response.status).toBe(200);
    expect(response.json().items.map((item: { id: string }) => item.id)).toEqual(['mug']);
  });

  describe.each(FIELDS)('$name', ({ method, url, key, body, pointer }) => {
    it.each(NAMELESS)(
      'refuses %j as invalid_category, naming the field, and writes nothing',
      async (path) => {
        const response = await node.call(method, url, {
          body: body(path),
          ...(key !== undefined && { key }),
        });
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json()).toMatchObject({ code: 'invalid_category', pointer, in: 'body' });
        if (method === 'PUT' && url !== '/v1/recommendations/rules' && url !== '/v1/listings/rules')
          expect((await node.call('GET', url)).status).toBe(404);
      },
    );

    it('accepts a path written loosely, with spaces and capitals', async () => {
      const response = await node.call(method, url, {
        body: body(' Home / Kitchen '),
        ...(key !== undefined && { key }),
      });
      expect(response.status).toBeLessThan(300);
    });
  });

  it('reads back a promotion stored with a nameless path before they were refused (one such used to fail the whole list)', async () => {
    expect(
      (
        await node.call('PUT', '/v1/promotions/older', {
          body: {
            title: 'Older',
            action: { type: 'fixed_price', match: { categories: ['home'] }, amount: 295 },
          },
        })
      ).status,
    ).toBe(201);
    const stored = await node.store.getPromotion('older');
    if (stored === undefined) throw new Error('not stored');
    await node.store.putPromotion(
      { ...stored, action: { type: 'fixed_price', match: { categories: [' / '] }, amount: 295 } },
      { now: Date.now() },
    );
    const read = await node.call('GET', '/v1/promotions/older');
    expect(read.status).toBe(200);
    expect(read.json()).toMatchObject({ action: { match: { categories: [' / '] } } });
    expect((await node.call('GET', '/v1/promotions')).status).toBe(200);
  });
});
