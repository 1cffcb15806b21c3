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
});
