import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblemUnlessOk } from '../support/problems.js';
import { productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
});
afterAll(() => node.dispose());

/** Random JSON, and valid product bodies with one field replaced by random JSON (to reach deeper checks). */
const anyJson = fc.jsonValue({ maxDepth: 4 });
const mutatedProduct = fc
  .tuple(
    fc.constantFrom(
      'title',
      'price',
      'cost',
      'categories',
      'attributes',
      'status',
      'groupId',
      'brand',
      'description',
      'extra',
    ),
    anyJson,
  )
  .map(([field, value]) => ({ ...productBody(), [field]: value }));
const mutatedMoney = fc
  .tuple(
    fc.oneof(anyJson, fc.double(), fc.integer({ min: -1e6, max: 1e16 })),
    fc.oneof(fc.string(), fc.constantFrom('GBP', 'JPY', 'XXX')),
  )
  .map(([amount, currency]) => productBody({ price: { amount, currency } }));
const body = fc.oneof(anyJson, mutatedProduct, mutatedMoney);
const id = fc.oneof(fc.string({ maxLength: 140 }), fc.stringMatching(/^[A-Za-z0-9._:-]{1,20}$/));

describe('fuzzing the catalogue routes', () => {
  it('PUT /v1/products/{id} never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(id, body, async (productId, payload) => {
        const response = await node.call('PUT', `/v1/products/${encodeURIComponent(productId)}`, {
          body: payload,
        });
        expectProblemUnlessOk(response);
      }),
      { numRuns: 400 },
    );
  });

  it('POST /v1/products:batch writes all or nothing and never answers 5xx', async () => {
    let batchNumber = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(body, fc.constant(productBody())), { minLength: 1, maxLength: 6 }),
        async (items) => {
          batchNumber += 1;
          const ids = items.map((_, index) => `fuzz-${batchNumber}-${index}`);
          const payload = {
            items: items.map((item, index) =>
              typeof item === 'object' && item !== null && !Array.isArray(item)
                ? { id: ids[index], ...item }
                : item,
            ),
          };
          const response = await node.call('POST', '/v1/products:batch', { body: payload });
          expectProblemUnlessOk(response);
          const stored = await Promise.all(
            ids.map(async (productId) => (await node.call('GET', `/v1/products/${productId}`)).status),
          );
          expect(stored.every((status) => status === (response.status === 200 ? 200 : 404))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('PUT /v1/inventory and PUT /v1/collections never answer 5xx', async () => {
    await node.call('PUT', '/v1/products/stocked', { body: productBody() });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/v1/inventory/stocked', '/v1/inventory/ghost', '/v1/collections/c'),
        anyJson,
        async (url, payload) => {
          expectProblemUnlessOk(await node.call('PUT', url, { body: payload }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('GET /v1/products with random query strings never answers 5xx', async () => {
    const query = fc.dictionary(
      fc.constantFrom('category', 'brand', 'inStock', 'status', 'limit', 'cursor', 'other'),
      fc.oneof(fc.string(), fc.integer().map(String), fc.constantFrom('true', 'false', 'active')),
    );
    await fc.assert(
      fc.asyncProperty(query, async (parameters) => {
        const search = new URLSearchParams(parameters).toString();
        expectProblemUnlessOk(await node.call('GET', `/v1/products?${search}`));
      }),
      { numRuns: 300 },
    );
  });

  it('random raw bodies and content types never answer 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 200 }),
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=latin1',
          '',
        ),
        async (payload, contentType) => {
          expectProblemUnlessOk(
            await node.call('PUT', '/v1/products/raw', { payload, headers: { 'content-type': contentType } }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
