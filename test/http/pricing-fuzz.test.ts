import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectProblemUnlessOk } from '../support/problems.js';
import { PUBLISHABLE_KEY, productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
  await node.call('PUT', '/v1/products/p1', { body: productBody() });
});
afterAll(() => node.dispose());

const amount = fc.oneof(fc.integer({ min: -10, max: 1e15 }), fc.double(), fc.constant('5'));
const tier = fc.record(
  { minQuantity: fc.oneof(fc.integer({ min: -2, max: 30 }), fc.double()), amount },
  { requiredKeys: [] },
);
const price = fc.record(
  { productId: fc.constantFrom('p1', 'p2', 'bad id'), amount, tiers: fc.array(tier, { maxLength: 4 }) },
  { requiredKeys: ['productId'] },
);
const list = fc.record(
  {
    type: fc.constantFrom('sale', 'override', 'other'),
    currency: fc.constantFrom('GBP', 'EUR', 'XYZ'),
    priority: fc.oneof(fc.integer(), fc.double()),
    startsAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      fc.string(),
    ),
    endsAt: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    audience: fc.record(
      { segments: fc.array(fc.string()), countries: fc.array(fc.string()) },
      { requiredKeys: [] },
    ),
    prices: fc.array(price, { maxLength: 3 }),
    rule: fc.record(
      {
        percentOff: fc.oneof(fc.double(), fc.integer({ min: -5, max: 120 })),
        amountOff: amount,
        match: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

describe('fuzzing the pricing routes', () => {
  it('PUT /v1/price-lists/{id} and POST /v1/prices:resolve never answer 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        list,
        fc.array(
          fc.record({
            productId: fc.constantFrom('p1', 'p2', ''),
            quantity: fc.oneof(fc.integer({ min: -3, max: 2e6 }), fc.double()),
          }),
          { maxLength: 4 },
        ),
        fc.jsonValue({ maxDepth: 2 }),
        async (body, items, context) => {
          expectProblemUnlessOk(await node.call('PUT', '/v1/price-lists/fuzz', { body }));
          expectProblemUnlessOk(
            await node.call('POST', '/v1/prices:resolve', {
              key: PUBLISHABLE_KEY,
              body: { currency: 'GBP', userId: 'u', context, items },
            }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
