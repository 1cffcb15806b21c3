import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FuzzOutcomes } from '../support/fuzz-outcomes.js';
import { PUBLISHABLE_KEY, productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
  for (const [id, amount] of [
    ['p1', 295],
    ['p2', 1999],
    ['p3', 0],
  ] as const)
    await node.call('PUT', `/v1/products/${id}`, {
      body: productBody({ price: { amount, currency: 'GBP' } }),
    });
});
afterAll(() => node.dispose());

const outcomes = new FuzzOutcomes();

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

const instant = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
  .map((date) => date.toISOString());
/** Quantity tiers a list accepts: from 1, each later tier at a higher quantity and no dearer. */
const soundTiers = fc
  .tuple(fc.nat(10_000), fc.uniqueArray(fc.integer({ min: 2, max: 100 }), { maxLength: 3 }))
  .map(([amount, quantities]) => [
    { minQuantity: 1, amount },
    ...quantities
      .sort((a, b) => a - b)
      .map((minQuantity, index) => ({ minQuantity, amount: Math.max(0, amount - 10 * (index + 1)) })),
  ]);
const soundPrices = fc.uniqueArray(
  fc.oneof(
    fc.record({ productId: fc.constantFrom('p1', 'p2', 'p3', 'gone'), amount: fc.nat(10_000) }),
    fc.record({ productId: fc.constantFrom('p1', 'p2', 'p3', 'gone'), tiers: soundTiers }),
  ),
  { minLength: 1, maxLength: 3, selector: (price) => price.productId },
);
const soundMatch = fc.record(
  {
    productIds: fc.array(fc.constantFrom('p1', 'p2', 'gone'), { maxLength: 2 }),
    categories: fc.array(fc.constantFrom('home', 'home/candles'), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const soundRule = fc.oneof(
  fc.record({ percentOff: fc.integer({ min: 0, max: 100 }), match: soundMatch }),
  fc.record({ amountOff: fc.nat(500), match: soundMatch }),
);
/** Price lists the API accepts (prices or a rule, a window in order): the resolver's paths. */
const soundList = fc
  .tuple(
    fc.record(
      {
        name: fc.string({ maxLength: 30 }),
        type: fc.constantFrom('sale', 'override'),
        currency: fc.constantFrom('GBP', 'GBP', 'EUR'),
        priority: fc.integer({ min: -5, max: 5 }),
        audience: fc.record(
          {
            segments: fc.array(fc.constantFrom('vip', 'new'), { maxLength: 1 }),
            countries: fc.array(fc.constantFrom('GB', 'FR'), { maxLength: 2 }),
            channels: fc.array(fc.constantFrom('web', 'pos'), { maxLength: 1 }),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['type', 'currency'] },
    ),
    fc.option(fc.tuple(instant, instant), { nil: undefined }),
    fc.oneof(
      soundPrices.map((prices) => ({ prices })),
      soundRule.map((rule) => ({ rule })),
    ),
  )
  .map(([fields, window, content]) => ({
    ...fields,
    ...(window !== undefined && { startsAt: [...window].sort()[0], endsAt: [...window].sort()[1] }),
    ...content,
  }));
const soundItems = fc.array(
  fc.record({
    productId: fc.constantFrom('p1', 'p2', 'p3', 'gone'),
    quantity: fc.integer({ min: 1, max: 200 }),
  }),
  { minLength: 1, maxLength: 4 },
);
const soundContext = fc.record(
  { country: fc.constantFrom('GB', 'FR'), channel: fc.constantFrom('web', 'pos') },
  { requiredKeys: [] },
);

describe('fuzzing the pricing routes', () => {
  it('PUT /v1/price-lists/{id} and POST /v1/prices:resolve never answer 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('fuzz-1', 'fuzz-2', 'fuzz-3'),
        fc.oneof({ arbitrary: soundList, weight: 2 }, { arbitrary: list, weight: 1 }),
        fc.oneof(
          { arbitrary: soundItems, weight: 2 },
          {
            arbitrary: fc.array(
              fc.record({
                productId: fc.constantFrom('p1', 'p2', ''),
                quantity: fc.oneof(fc.integer({ min: -3, max: 2e6 }), fc.double()),
              }),
              { maxLength: 4 },
            ),
            weight: 1,
          },
        ),
        fc.oneof(
          { arbitrary: soundContext, weight: 2 },
          { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
        ),
        async (id, body, items, context) => {
          outcomes.check(
            'PUT /v1/price-lists/{id}',
            await node.call('PUT', `/v1/price-lists/${id}`, { body }),
          );
          outcomes.check(
            'POST /v1/prices:resolve',
            await node.call('POST', '/v1/prices:resolve', {
              key: PUBLISHABLE_KEY,
              body: { currency: 'GBP', userId: 'u', context, items },
            }),
          );
        },
      ),
      { numRuns: 200 },
    );
    outcomes.expectReached('PUT /v1/price-lists/{id}', { accepted: 60, refused: 30 });
    outcomes.expectReached('POST /v1/prices:resolve', { accepted: 50, refused: 40 });
  });
});
