import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FuzzOutcomes } from '../support/fuzz-outcomes.js';
import { PUBLISHABLE_KEY, productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
  for (const [id, amount] of [
    ['p1', 295],
    ['p2', 1999],
    ['p3', 1],
  ] as const) {
    await node.call('PUT', `/v1/products/${id}`, {
      body: productBody({
        price: { amount, currency: 'GBP' },
        cost: { amount: Math.floor(amount / 2), currency: 'GBP' },
      }),
    });
  }
});
afterAll(() => node.dispose());

const outcomes = new FuzzOutcomes();

const amount = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }),
  fc.integer({ min: -5, max: 1e15 }),
  fc.double(),
  fc.constant('5'),
);
const percent = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double(), fc.integer({ min: -5, max: 500 }));
const quantity = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: -2, max: 5_000 }));
const match = fc.oneof(
  fc.constant({}),
  fc.record({ productIds: fc.subarray(['p1', 'p2', 'p3', 'nope']) }),
  fc.record({ categories: fc.constantFrom(['home'], ['home/candles'], ['/']) }),
  fc.jsonValue({ maxDepth: 1 }),
);
const action = fc.oneof(
  fc.record(
    {
      type: fc.constant('percent_off'),
      target: fc.constantFrom('items', 'order', 'x'),
      match,
      percent,
      cap: amount,
    },
    { requiredKeys: ['type', 'target', 'percent'] },
  ),
  fc.record(
    { type: fc.constant('amount_off'), target: fc.constantFrom('items', 'order'), match, amount },
    { requiredKeys: ['type', 'target', 'amount'] },
  ),
  fc.record({ type: fc.constant('fixed_price'), match, amount }),
  fc.record({
    type: fc.constant('buy_x_get_y'),
    buy: fc.record({ match, quantity }),
    get: fc.record(
      { productId: fc.constantFrom('p1', 'p2', 'gone'), match, quantity, percent },
      { requiredKeys: ['quantity', 'percent'] },
    ),
  }),
  fc.record({
    type: fc.constant('spend_tiers'),
    tiers: fc.array(fc.record({ gte: amount, amount }), { maxLength: 3 }),
  }),
  fc.constant({ type: 'free_shipping' }),
  fc.record({ type: fc.constant('gift'), productId: fc.constantFrom('p1', 'gone', '') }),
  fc.jsonValue({ maxDepth: 2 }),
);
/** A promotion the API accepts, most of the time: the engine's paths, not only the schema's refusals. */
const sound = fc.record(
  {
    title: fc.constant('Sound'),
    audience: fc.record({ firstOrderOnly: fc.boolean() }, { requiredKeys: [] }),
    conditions: fc.record(
      { subtotal: fc.record({ gte: fc.integer({ min: 0, max: 5_000 }) }) },
      { requiredKeys: [] },
    ),
    action: fc.oneof(
      fc.record({
        type: fc.constant('percent_off'),
        target: fc.constantFrom('items', 'order'),
        percent: fc.integer({ min: 0, max: 100 }),
      }),
      fc.record({
        type: fc.constant('amount_off'),
        target: fc.constantFrom('items', 'order'),
        amount: fc.integer({ min: 0, max: 5_000 }),
      }),
      fc.record({
        type: fc.constant('buy_x_get_y'),
        buy: fc.record({
          match: fc.constant({ productIds: ['p1', 'p2'] }),
          quantity: fc.integer({ min: 1, max: 3 }),
        }),
        get: fc.record({
          productId: fc.constantFrom('p1', 'p3'),
          quantity: fc.integer({ min: 1, max: 2 }),
          percent: fc.integer({ min: 1, max: 100 }),
        }),
      }),
      fc.constant({ type: 'free_shipping' }),
      fc.constant({ type: 'gift', productId: 'p3' }),
      fc.constant({
        type: 'spend_tiers',
        tiers: [
          { gte: 1_000, amount: 100 },
          { gte: 3_000, amount: 500 },
        ],
      }),
    ),
    stacking: fc.record(
      {
        mode: fc.constantFrom('exclusive', 'stackable'),
        priority: fc.integer({ min: -2, max: 2 }),
        group: fc.constant('g'),
      },
      { requiredKeys: [] },
    ),
    limits: fc.record(
      {
        budget: fc.record({ amount: fc.integer({ min: 0, max: 5_000 }), currency: fc.constant('GBP') }),
        perCustomer: fc.integer({ min: 1, max: 2 }),
        maxDiscountPerOrder: fc.integer({ min: 0, max: 2_000 }),
      },
      { requiredKeys: [] },
    ),
    coupon: fc.record({ required: fc.boolean(), singleUse: fc.boolean() }),
  },
  { requiredKeys: ['title', 'action'] },
);
const wild = fc.record(
  {
    title: fc.oneof(fc.constant('Fuzz'), fc.string()),
    currency: fc.constantFrom('GBP', 'EUR', 'XYZ'),
    status: fc.constantFrom('active', 'paused', 'gone'),
    startsAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      fc.string(),
    ),
    audience: fc.record(
      {
        segments: fc.array(fc.string(), { maxLength: 2 }),
        firstOrderOnly: fc.boolean(),
        devices: fc.array(fc.string()),
      },
      { requiredKeys: [] },
    ),
    conditions: fc.record(
      {
        subtotal: fc.record({ gte: amount }),
        items: fc.record({ match, quantity: fc.record({ gte: quantity }) }),
      },
      { requiredKeys: [] },
    ),
    action,
    stacking: fc.record(
      {
        mode: fc.constantFrom('exclusive', 'stackable', 'both'),
        priority: fc.oneof(fc.integer(), fc.double()),
        group: fc.constantFrom('g', ''),
      },
      { requiredKeys: [] },
    ),
    limits: fc.record(
      {
        budget: fc.record({ amount, currency: fc.constantFrom('GBP', 'EUR') }),
        redemptions: quantity,
        perCustomer: quantity,
        maxDiscountPerOrder: amount,
      },
      { requiredKeys: [] },
    ),
    coupon: fc.record(
      {
        required: fc.boolean(),
        codes: fc.array(fc.constantFrom('FUZZ1', 'fuzz1', 'x', 'FUZZ2'), { maxLength: 3 }),
        singleUse: fc.boolean(),
      },
      { requiredKeys: ['required'] },
    ),
  },
  { requiredKeys: ['title', 'action'] },
);
const promotion = fc.oneof({ arbitrary: sound, weight: 3 }, { arbitrary: wild, weight: 1 });
/** A cart the API accepts (its items may still be unknown or unpriced), or anything at all. */
const soundCart = fc.record(
  {
    currency: fc.constant('GBP'),
    items: fc.array(
      fc.record({ productId: fc.constantFrom('p1', 'p2', 'p3'), quantity: fc.integer({ min: 1, max: 6 }) }),
      {
        maxLength: 5,
      },
    ),
    coupons: fc.array(fc.constantFrom('FUZZ1', 'fuzz2'), { maxLength: 2 }),
    shipping: fc.record({ amount: fc.integer({ min: 0, max: 1_000 }), currency: fc.constant('GBP') }),
    userId: fc.constantFrom('u1', 'u2'),
    context: fc.record({ device: fc.constantFrom('mobile', 'desktop') }),
  },
  { requiredKeys: ['currency', 'items'] },
);
const wildCart = fc.record(
  {
    currency: fc.constantFrom('GBP', 'EUR', 'gbp'),
    items: fc.array(fc.record({ productId: fc.constantFrom('p1', 'p2', 'p3', 'ghost', ''), quantity }), {
      maxLength: 5,
    }),
    coupons: fc.array(fc.constantFrom('FUZZ1', 'fuzz2', '', 'x'.repeat(70)), { maxLength: 3 }),
    shipping: fc.record({ amount, currency: fc.constantFrom('GBP', 'EUR') }),
    userId: fc.constantFrom('u1', 'u2'),
    context: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: ['currency', 'items'] },
);
const cart = fc.oneof({ arbitrary: soundCart, weight: 3 }, { arbitrary: wildCart, weight: 1 });

type Evaluated = {
  total: { amount: number };
  subtotal: { amount: number };
  lines: { total: { amount: number } }[];
  shipping?: { amount: { amount: number }; discount: { amount: number } };
};

describe('fuzzing the promotion routes', () => {
  it('PUT /v1/promotions, carts:evaluate, offers and orders never answer 5xx, and every cart adds up', async () => {
    let orders = 0;
    let written = 0;
    let evaluatedCarts = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('f1', 'f2', 'f3'), promotion, cart, async (id, body, cartBody) => {
        const put = outcomes.check(
          'PUT /v1/promotions/{id}',
          await node.call('PUT', `/v1/promotions/${id}`, { body }),
        );
        if (put.status < 300) written += 1;
        const evaluated = outcomes.check(
          'POST /v1/carts:evaluate',
          await node.call('POST', '/v1/carts:evaluate', { key: PUBLISHABLE_KEY, body: cartBody }),
        );
        if (evaluated.status === 200) {
          evaluatedCarts += 1;
          const answer = evaluated.json() as Evaluated;
          const lines = answer.lines.reduce((sum, line) => sum + line.total.amount, 0);
          const shipping =
            answer.shipping === undefined
              ? 0
              : answer.shipping.amount.amount - answer.shipping.discount.amount;
          expect(answer.total.amount).toBe(lines + shipping);
          for (const line of answer.lines) expect(line.total.amount).toBeGreaterThanOrEqual(0);
        }
        // Offers take the customer and the cart's items, not the cart's coupons or shipping.
        const { userId, context, currency, items } = cartBody;
        outcomes.check(
          'POST /v1/offers',
          await node.call('POST', '/v1/offers', {
            key: PUBLISHABLE_KEY,
            body: { userId, context, currency, cart: { items } },
          }),
        );
        orders += 1;
        // Every third order reuses the previous id: a replay of the same cart, or a conflict.
        const orderId = `fuzz-${orders % 3 === 0 ? orders - 1 : orders}`;
        outcomes.check(
          'POST /v1/orders',
          await node.call('POST', '/v1/orders', { body: { ...cartBody, orderId } }),
        );
      }),
      { numRuns: 160 },
    );
    // The generators reach the engine, not only the schema's refusals.
    expect(written).toBeGreaterThan(50);
    expect(evaluatedCarts).toBeGreaterThan(50);
    outcomes.expectReached('PUT /v1/promotions/{id}', { accepted: 80, refused: 12 });
    outcomes.expectReached('POST /v1/carts:evaluate', { accepted: 80, refused: 15 });
    outcomes.expectReached('POST /v1/offers', { accepted: 80, refused: 12 });
    outcomes.expectReached('POST /v1/orders', { accepted: 40, refused: 25 });
  });
});
