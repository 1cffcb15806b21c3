import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAttuneClient, type AttuneClient } from '../../packages/client/src/index.js';
import {
  PUBLISHABLE_KEY,
  SECRET_KEY,
  productBody,
  startTestAttune,
  type TestAttune,
} from '../support/test-attune.js';

/** The published client against a listening node: the shop's server with the secret key, a browser with the publishable one. */
describe('the typed client', () => {
  let node: TestAttune;
  let server: AttuneClient;
  let storefront: AttuneClient;

  beforeAll(async () => {
    node = await startTestAttune();
    const baseUrl = await node.app.listen({ port: 0, host: '127.0.0.1' });
    server = createAttuneClient({ baseUrl, key: SECRET_KEY });
    storefront = createAttuneClient({ baseUrl, key: PUBLISHABLE_KEY });
  });
  afterAll(() => node.dispose());

  it('writes the catalogue, then decides a page for a visitor', async () => {
    for (const id of ['mug-1', 'mug-2', 'mug-3']) {
      const { error } = await server.PUT('/v1/products/{id}', {
        params: { path: { id } },
        body: productBody({ title: `Mug ${id}`, categories: ['kitchen/mugs'] }),
      });
      expect(error).toBeUndefined();
    }
    const { data: product } = await storefront.GET('/v1/products/{id}', {
      params: { path: { id: 'mug-2' } },
    });
    expect(product).toMatchObject({ id: 'mug-2', title: 'Mug mug-2' });

    const { data: page, error } = await storefront.POST('/v1/decide', {
      body: {
        anonymousId: 'anon-typed-1',
        currency: 'GBP',
        listing: { category: 'kitchen/mugs', limit: 10 },
      },
    });
    expect(error).toBeUndefined();
    expect(page?.decisionId).toEqual(expect.any(String));
    expect(page?.listing?.items.map((item) => item.productId).sort()).toEqual(['mug-1', 'mug-2', 'mug-3']);
  });

  it('hands back the problem of a refused request, with its code and pointer', async () => {
    const { data, error, response } = await server.PUT('/v1/products/{id}', {
      params: { path: { id: 'bad' } },
      body: { ...productBody(), price: { amount: -1, currency: 'GBP' } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: 'invalid_money', pointer: '/price/amount' });
  });

  it('keeps secret-key routes from a publishable key', async () => {
    const { response } = await storefront.DELETE('/v1/products/{id}', { params: { path: { id: 'mug-1' } } });
    expect(response.status).toBe(403);
  });
});
