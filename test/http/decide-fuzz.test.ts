import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../src/domain/recommendations/index.js';
import { FuzzOutcomes } from '../support/fuzz-outcomes.js';
import { PUBLISHABLE_KEY, productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

const PRODUCTS = ['p1', 'p2', 'p3'];
let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
  for (const id of PRODUCTS)
    await node.call('PUT', `/v1/products/${id}`, { body: productBody({ title: id }) });
  await node.call('PUT', '/v1/content/slots/hero', { body: { variants: [{ id: 'd', payload: 1 }] } });
});
afterAll(() => node.dispose());

const outcomes = new FuzzOutcomes();

const productId = fc.oneof(fc.constantFrom(...PRODUCTS, 'gone'), fc.string());
const sound = fc.record(
  {
    userId: fc.constantFrom('u1', 'u2'),
    context: fc.record(
      {
        country: fc.constantFrom('GB', 'fr'),
        page: fc.record({ type: fc.constantFrom('home', 'category') }),
      },
      { requiredKeys: [] },
    ),
    cart: fc.record({
      items: fc.array(
        fc.record({
          productId: fc.constantFrom(...PRODUCTS, 'gone'),
          quantity: fc.integer({ min: 1, max: 5 }),
        }),
        { maxLength: 3 },
      ),
    }),
    listing: fc.record({
      category: fc.constantFrom('home', 'garden', null),
      limit: fc.integer({ min: 1, max: 5 }),
    }),
    recommendations: fc.array(
      fc.record({
        slot: fc.constantFrom('a', 'b'),
        strategy: fc.constantFrom(...STRATEGIES),
        productId: fc.constantFrom(...PRODUCTS),
        limit: fc.integer({ min: 1, max: 5 }),
      }),
      { maxLength: 2 },
    ),
    content: fc.uniqueArray(fc.constantFrom('hero', 'missing'), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const wild = fc.record(
  {
    userId: fc.string(),
    context: fc.jsonValue({ maxDepth: 2 }),
    currency: fc.constantFrom('GBP', 'EUR', 'xyz'),
    cart: fc.jsonValue({ maxDepth: 3 }),
    listing: fc.record(
      {
        category: fc.string(),
        query: fc.string(),
        limit: fc.oneof(fc.integer(), fc.double()),
        cursor: fc.string(),
      },
      { requiredKeys: [] },
    ),
    recommendations: fc.array(
      fc.record({
        slot: fc.string(),
        strategy: fc.string(),
        productId,
        limit: fc.integer({ min: -1, max: 200 }),
      }),
      { maxLength: 2 },
    ),
    content: fc.array(fc.string(), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

describe('fuzzing the decide route', () => {
  it('POST /v1/decide never answers 5xx, and a whole answer always has its decision id', async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(sound, wild), fc.boolean(), async (body, secret) => {
        const response = outcomes.check(
          'POST /v1/decide',
          await node.call('POST', '/v1/decide', { body, ...(!secret && { key: PUBLISHABLE_KEY }) }),
        );
        if (response.status === 200) {
          answered += 1;
          expect(response.json().decisionId).toMatch(/^dec_/);
        }
      }),
      { numRuns: 300 },
    );
    expect(answered).toBeGreaterThan(30);
    outcomes.expectReached('POST /v1/decide', { accepted: 60, refused: 60 });
  });
});
