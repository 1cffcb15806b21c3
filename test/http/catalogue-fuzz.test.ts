import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FuzzOutcomes } from '../support/fuzz-outcomes.js';
import { productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
});
afterAll(() => node.dispose());

const outcomes = new FuzzOutcomes();

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
const validId = fc.stringMatching(/^[A-Za-z0-9._:-]{1,20}$/);
/** Products the contract accepts, every optional field varied: these reach the domain and the store. */
const soundProduct = fc.record(
  {
    title: fc.string({ minLength: 1, maxLength: 40 }),
    description: fc.string({ maxLength: 80 }),
    groupId: validId,
    categories: fc.array(fc.constantFrom('home', 'home/candles', 'Garden/Tools', ' kitchen / mugs '), {
      maxLength: 3,
    }),
    brand: fc.string({ minLength: 1, maxLength: 20 }),
    attributes: fc.dictionary(
      fc.constantFrom('colour', 'size', 'organic'),
      fc.oneof(
        fc.string({ maxLength: 10 }),
        fc.integer(),
        fc.boolean(),
        fc.array(fc.string({ maxLength: 5 })),
      ),
    ),
    price: fc.record({ amount: fc.nat(1_000_000), currency: fc.constant('GBP') }),
    cost: fc.record({ amount: fc.nat(1_000_000), currency: fc.constant('GBP') }),
    status: fc.constantFrom('active', 'archived'),
  },
  { requiredKeys: ['title', 'price'] },
);
const body = fc.oneof(
  { arbitrary: soundProduct, weight: 3 },
  { arbitrary: anyJson, weight: 1 },
  { arbitrary: mutatedProduct, weight: 1 },
  { arbitrary: mutatedMoney, weight: 1 },
);
const id = fc.oneof(fc.string({ maxLength: 140 }), validId);

describe('fuzzing the catalogue routes', () => {
  it('PUT /v1/products/{id} never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(id, body, async (productId, payload) => {
        const response = await node.call('PUT', `/v1/products/${encodeURIComponent(productId)}`, {
          body: payload,
        });
        outcomes.check('PUT /v1/products/{id}', response);
      }),
      { numRuns: 250 },
    );
    outcomes.expectReached('PUT /v1/products/{id}', { accepted: 40, refused: 60 });
  });

  it('POST /v1/products:batch writes all or nothing and never answers 5xx', async () => {
    let batchNumber = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(soundProduct, { minLength: 1, maxLength: 6 }),
          fc.array(fc.oneof(body, fc.constant(productBody())), { minLength: 1, maxLength: 6 }),
        ),
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
          const response = outcomes.check(
            'POST /v1/products:batch',
            await node.call('POST', '/v1/products:batch', { body: payload }),
          );
          const stored = await Promise.all(
            ids.map(async (productId) => (await node.call('GET', `/v1/products/${productId}`)).status),
          );
          expect(stored.every((status) => status === (response.status === 200 ? 200 : 404))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
    outcomes.expectReached('POST /v1/products:batch', { accepted: 60, refused: 25 });
  });

  it('PUT /v1/inventory and PUT /v1/collections never answer 5xx', async () => {
    await node.call('PUT', '/v1/products/stocked', { body: productBody() });
    const stock = fc.record({ available: fc.nat(1_000), location: validId }, { requiredKeys: ['available'] });
    const title = fc.string({ minLength: 1, maxLength: 30 });
    const collection = fc.oneof(
      fc.record({
        title,
        productIds: fc.array(fc.constantFrom('stocked', 'ghost', 'p.1'), { maxLength: 4 }),
      }),
      fc.record({
        title,
        filter: fc.record(
          {
            categories: fc.array(fc.constantFrom('home', 'Home/Candles'), { minLength: 1, maxLength: 2 }),
            brands: fc.array(fc.constantFrom('Acme', 'Other'), { minLength: 1, maxLength: 2 }),
            price: fc.record(
              { gte: fc.nat(500), lte: fc.integer({ min: 500, max: 5_000 }) },
              { requiredKeys: [] },
            ),
          },
          { requiredKeys: [] },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(
            fc.constant('PUT /v1/inventory/{productId}'),
            // Mostly the stocked product; an unknown one is refused.
            fc.constantFrom('/v1/inventory/stocked', '/v1/inventory/stocked', '/v1/inventory/ghost'),
            fc.oneof({ arbitrary: stock, weight: 3 }, { arbitrary: anyJson, weight: 1 }),
          ),
          fc.tuple(
            fc.constant('PUT /v1/collections/{id}'),
            fc.constant('/v1/collections/c'),
            fc.oneof(collection, anyJson),
          ),
        ),
        async ([route, url, payload]) => {
          outcomes.check(route, await node.call('PUT', url, { body: payload }));
        },
      ),
      { numRuns: 200 },
    );
    outcomes.expectReached('PUT /v1/inventory/{productId}', { accepted: 20, refused: 20 });
    outcomes.expectReached('PUT /v1/collections/{id}', { accepted: 20, refused: 20 });
  });

  it('GET /v1/products with random query strings never answers 5xx', async () => {
    const wild = fc.dictionary(
      fc.constantFrom('category', 'brand', 'inStock', 'status', 'limit', 'cursor', 'other'),
      fc.oneof(fc.string(), fc.integer().map(String), fc.constantFrom('true', 'false', 'active')),
    );
    const sound = fc.record(
      {
        category: fc.constantFrom('home', 'Home/Candles', 'garden'),
        brand: fc.string({ minLength: 1, maxLength: 10 }),
        inStock: fc.constantFrom('true', 'false'),
        status: fc.constantFrom('active', 'archived'),
        limit: fc.integer({ min: 1, max: 200 }).map(String),
      },
      { requiredKeys: [] },
    );
    const query = fc.oneof(sound, wild);
    await fc.assert(
      fc.asyncProperty(query, async (parameters) => {
        const search = new URLSearchParams(parameters).toString();
        outcomes.check('GET /v1/products', await node.call('GET', `/v1/products?${search}`));
      }),
      { numRuns: 200 },
    );
    outcomes.expectReached('GET /v1/products', { accepted: 60, refused: 40 });
  });

  it('random raw bodies and content types never answer 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Random text, or a sound product as JSON text: the parser must hand those on.
        fc.oneof(
          fc.string({ maxLength: 200 }),
          soundProduct.map((product) => JSON.stringify(product)),
        ),
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=latin1',
          '',
        ),
        async (payload, contentType) => {
          outcomes.check(
            'PUT /v1/products/{id} (raw)',
            await node.call('PUT', '/v1/products/raw', { payload, headers: { 'content-type': contentType } }),
          );
        },
      ),
      { numRuns: 200 },
    );
    outcomes.expectReached('PUT /v1/products/{id} (raw)', { accepted: 15, refused: 80 });
  });
});
