import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../src/domain/recommendations/index.js';
import { FuzzOutcomes } from '../support/fuzz-outcomes.js';
import { PUBLISHABLE_KEY, productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

const PRODUCTS = ['p1', 'p2', 'p3', 'p4'];
let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
  for (const id of PRODUCTS)
    await node.call('PUT', `/v1/products/${id}`, { body: productBody({ title: id }) });
  await node.call('POST', '/v1/track', {
    body: {
      userId: 'u',
      event: 'Order Completed',
      properties: {
        order_id: 'o1',
        products: PRODUCTS.map((id) => ({ product_id: id, quantity: 1, price: 3 })),
      },
    },
  });
});
afterAll(() => node.dispose());

const outcomes = new FuzzOutcomes();

const productId = fc.oneof(fc.constantFrom(...PRODUCTS, 'missing', ''), fc.string());
const money = fc.oneof(fc.integer({ min: -5, max: 1e16 }), fc.double(), fc.constant('5'));
const filter = fc.record(
  {
    categories: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), fc.string()),
    brands: fc.array(fc.string(), { maxLength: 3 }),
    price: fc.record({ gte: money, lte: money }, { requiredKeys: [] }),
    attributes: fc.jsonValue({ maxDepth: 2 }),
    excludeProductIds: fc.array(productId, { maxLength: 3 }),
    excludePurchased: fc.oneof(fc.boolean(), fc.constant('yes')),
  },
  { requiredKeys: [] },
);
const request = fc.record(
  {
    strategy: fc.oneof(fc.constantFrom(...STRATEGIES), fc.string()),
    userId: fc.oneof(fc.constant('u'), fc.string()),
    anonymousId: fc.string(),
    productId,
    cart: fc.oneof(
      fc.record({
        items: fc.array(fc.record({ productId, quantity: money }, { requiredKeys: [] }), { maxLength: 4 }),
      }),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    limit: fc.oneof(fc.integer({ min: -2, max: 120 }), fc.double()),
    filter,
    segment: fc.string(),
    context: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: ['strategy', 'limit'] },
);
/** Requests the schema accepts, so most runs reach the recommender and its rules. */
const soundRequest = fc.record(
  {
    strategy: fc.constantFrom(...STRATEGIES),
    userId: fc.constantFrom('u', 'someone'),
    anonymousId: fc.constantFrom('a1', 'a2'),
    productId: fc.constantFrom(...PRODUCTS, 'missing'),
    cart: fc.record({
      items: fc.array(fc.record({ productId: fc.constantFrom(...PRODUCTS, 'gone') }), { maxLength: 3 }),
    }),
    limit: fc.integer({ min: 1, max: 100 }),
    filter: fc.record(
      {
        categories: fc.array(fc.constantFrom('home', 'home/candles', 'Garden'), { maxLength: 2 }),
        brands: fc.array(fc.string({ minLength: 1, maxLength: 5 }), { maxLength: 2 }),
        price: fc.record({ gte: fc.nat(1000), lte: fc.nat(1000) }, { requiredKeys: [] }),
        attributes: fc.dictionary(
          fc.constantFrom('colour', 'size'),
          fc.constantFrom('white', 'red', 3, true),
        ),
        excludeProductIds: fc.array(fc.constantFrom(...PRODUCTS), { maxLength: 2 }),
        excludePurchased: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    segment: fc.constantFrom('vip', 'new'),
    context: fc.record({ country: fc.constantFrom('GB', 'fr') }, { requiredKeys: [] }),
  },
  { requiredKeys: ['strategy', 'limit'] },
);
const rules = fc.record(
  {
    boosts: fc.array(fc.record({ match: fc.jsonValue({ maxDepth: 2 }), factor: money }), { maxLength: 2 }),
    pins: fc.array(
      fc.record({ productId, position: money, strategies: fc.array(fc.string()) }, { requiredKeys: [] }),
      {
        maxLength: 2,
      },
    ),
    maxPerCategory: money,
  },
  { requiredKeys: [] },
);

/** Merchandising rules the API accepts: boosts, pins and a category cap, so ranking applies them. */
const soundRules = fc.record(
  {
    boosts: fc.array(
      fc.record({
        match: fc.record(
          {
            productIds: fc.array(fc.constantFrom(...PRODUCTS), { maxLength: 2 }),
            categories: fc.array(fc.constantFrom('home', 'home/candles'), { maxLength: 1 }),
          },
          { requiredKeys: [] },
        ),
        factor: fc.constantFrom(0.5, 1, 2, 10),
      }),
      { maxLength: 2 },
    ),
    pins: fc.array(
      fc.record(
        {
          productId: fc.constantFrom(...PRODUCTS),
          position: fc.integer({ min: 1, max: 5 }),
          strategies: fc.subarray([...STRATEGIES], { maxLength: 2 }),
        },
        { requiredKeys: ['productId', 'position'] },
      ),
      { maxLength: 2 },
    ),
    maxPerCategory: fc.integer({ min: 1, max: 5 }),
  },
  { requiredKeys: [] },
);

describe('fuzzing the recommendation routes', () => {
  it('POST /v1/recommendations and PUT /v1/recommendations/rules never answer 5xx; answers obey the limit', async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(soundRequest, request),
        fc.oneof(soundRules, rules),
        fc.boolean(),
        async (body, merchandising, secret) => {
          outcomes.check(
            'PUT /v1/recommendations/rules',
            await node.call('PUT', '/v1/recommendations/rules', { body: merchandising }),
          );
          const response = outcomes.check(
            'POST /v1/recommendations',
            await node.call('POST', '/v1/recommendations', {
              body,
              ...(!secret && { key: PUBLISHABLE_KEY }),
            }),
          );
          if (response.status === 200) {
            answered += 1;
            const items = response.json().items as { productId: string }[];
            expect(items.length).toBeLessThanOrEqual(body.limit);
            expect(new Set(items.map((item) => item.productId)).size).toBe(items.length);
            if (typeof body.productId === 'string')
              expect(items.map((item) => item.productId)).not.toContain(body.productId);
          }
        },
      ),
      { numRuns: 200 },
    );
    // The generators must reach the recommender, not only the validator.
    expect(answered).toBeGreaterThan(30);
    outcomes.expectReached('PUT /v1/recommendations/rules', { accepted: 40, refused: 40 });
    outcomes.expectReached('POST /v1/recommendations', { accepted: 40, refused: 40 });
  });
});
