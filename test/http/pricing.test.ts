import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { PUBLISHABLE_KEY, productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

const DAY = 86_400_000;
const clock = new ManualClock('2026-06-01T00:00:00.000Z');
let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune({ ATTUNE_MIN_MARGIN_PERCENT: '10' }, { clock });
  await node.call('POST', '/v1/products:batch', {
    body: {
      items: [
        {
          id: 'mug',
          ...productBody({
            title: 'Mug',
            categories: ['home/kitchen'],
            price: { amount: 1000, currency: 'GBP' },
            cost: { amount: 600, currency: 'GBP' },
          }),
        },
        {
          id: 'lamp',
          ...productBody({
            title: 'Lamp',
            categories: ['home/lighting'],
            price: { amount: 5000, currency: 'GBP' },
          }),
        },
      ],
    },
  });
  await node.call('POST', '/v1/identify', {
    body: { userId: 'buyer-a', traits: { company: { id: 'acme' } } },
  });
  await node.call('POST', '/v1/identify', {
    body: { userId: 'buyer-b', traits: { company: { id: 'globex' } } },
  });
  await node.call('PUT', '/v1/price-lists/acme-contract', {
    body: {
      type: 'override',
      currency: 'GBP',
      priority: 10,
      audience: { companies: ['acme'] },
      prices: [
        {
          productId: 'mug',
          tiers: [
            { minQuantity: 1, amount: 900 },
            { minQuantity: 12, amount: 700 },
          ],
        },
      ],
    },
  });
});
afterAll(() => node.dispose());

const resolve = (body: Record<string, unknown>, options: { key?: string; token?: string } = {}) =>
  node.call('POST', '/v1/prices:resolve', {
    body: { currency: 'GBP', ...body },
    ...(options.key !== undefined && { key: options.key }),
    ...(options.token !== undefined && { headers: { 'x-customer-token': options.token } }),
  });

describe('price lists', () => {
  it.each([
    [
      {
        type: 'sale',
        currency: 'GBP',
        prices: [
          {
            productId: 'mug',
            tiers: [
              { minQuantity: 1, amount: 5 },
              { minQuantity: 1, amount: 4 },
            ],
          },
        ],
      },
      'invalid_price_list',
      '/prices/0/tiers/1/minQuantity',
    ],
    [
      {
        type: 'sale',
        currency: 'GBP',
        prices: [{ productId: 'mug', tiers: [{ minQuantity: 0, amount: 5 }] }],
      },
      'out_of_range',
      '/prices/0/tiers/0/minQuantity',
    ],
    [
      { type: 'sale', currency: 'GBP', prices: [{ productId: 'mug', amount: -1 }] },
      'invalid_money',
      '/prices/0/amount',
    ],
    [
      { type: 'sale', currency: 'GBP', prices: [{ productId: 'mug', amount: 1.5 }] },
      'invalid_money',
      '/prices/0/amount',
    ],
    [
      {
        type: 'sale',
        currency: 'GBP',
        startsAt: '2026-07-01T00:00:00Z',
        endsAt: '2026-06-01T00:00:00Z',
        prices: [],
      },
      'invalid_price_list',
      '/endsAt',
    ],
    [
      { type: 'sale', currency: 'GBP', endsAt: '2026-12-31T23:59:60Z', prices: [] },
      'invalid_price_list',
      '/endsAt',
    ],
    [{ type: 'sale', currency: 'ABC', prices: [] }, 'unknown_currency', '/currency'],
    [
      { type: 'sale', currency: 'GBP', rule: { percentOff: 120, match: {} } },
      'out_of_range',
      '/rule/percentOff',
    ],
  ])('refuses %o with %s at %s', async (body, code, pointer) => {
    const response = await node.call('PUT', '/v1/price-lists/bad', { body });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ code, pointer });
  });

  it('is written by secret keys only', async () => {
    const response = await node.call('PUT', '/v1/price-lists/x', {
      key: PUBLISHABLE_KEY,
      body: { type: 'sale', currency: 'GBP', prices: [] },
    });
    expect(response.status).toBe(403);
  });
});

describe('POST /v1/prices:resolve', () => {
  it('answers contract prices with quantity tiers for the customer’s company, explained', async () => {
    const answer = (
      await resolve({
        userId: 'buyer-a',
        items: [
          { productId: 'mug', quantity: 1 },
          { productId: 'mug', quantity: 12 },
          { productId: 'lamp', quantity: 2 },
        ],
      })
    ).json();
    expect(answer.items).toEqual([
      {
        productId: 'mug',
        quantity: 1,
        base: { amount: 1000, currency: 'GBP' },
        final: { amount: 900, currency: 'GBP' },
        lineTotal: { amount: 900, currency: 'GBP' },
        applied: [{ priceListId: 'acme-contract', kind: 'override', reason: 'company acme' }],
        personalized: true,
        tier: { priceListId: 'acme-contract', minQuantity: 1 },
      },
      expect.objectContaining({
        quantity: 12,
        final: { amount: 700, currency: 'GBP' },
        lineTotal: { amount: 8400, currency: 'GBP' },
        tier: { priceListId: 'acme-contract', minQuantity: 12 },
      }),
      expect.objectContaining({
        productId: 'lamp',
        final: { amount: 5000, currency: 'GBP' },
        applied: [],
        personalized: false,
      }),
    ]);
  });

  it('never gives one customer another’s contract price', async () => {
    const token = (await node.call('POST', '/v1/customer-tokens', { body: { userId: 'buyer-b' } })).json()
      .token;
    const items = [{ productId: 'mug', quantity: 1 }];
    // A publishable key naming buyer-a, without a token or with buyer-b's: public prices.
    expect(
      (await resolve({ userId: 'buyer-a', items }, { key: PUBLISHABLE_KEY })).json().items[0].final.amount,
    ).toBe(1000);
    expect(
      (await resolve({ userId: 'buyer-a', items }, { key: PUBLISHABLE_KEY, token })).json().items[0].final
        .amount,
    ).toBe(1000);
    // buyer-b with their own token: globex has no contract either.
    expect(
      (await resolve({ userId: 'buyer-b', items }, { key: PUBLISHABLE_KEY, token })).json().items[0].final
        .amount,
    ).toBe(1000);
    // buyer-a with their own token: the contract price.
    const own = (await node.call('POST', '/v1/customer-tokens', { body: { userId: 'buyer-a' } })).json()
      .token;
    expect(
      (await resolve({ userId: 'buyer-a', items }, { key: PUBLISHABLE_KEY, token: own })).json().items[0]
        .final.amount,
    ).toBe(900);
  });

  it('gives public prices to a customer who refused personalisation', async () => {
    await node.call('PUT', '/v1/profiles/buyer-a/consent', { body: { personalization: false } });
    const answer = (await resolve({ userId: 'buyer-a', items: [{ productId: 'mug', quantity: 1 }] })).json();
    expect(answer.items[0]).toMatchObject({ final: { amount: 1000 }, personalized: false });
    await node.call('PUT', '/v1/profiles/buyer-a/consent', { body: { personalization: true } });
  });

  it('reports a product without a price in the currency per item, never converting', async () => {
    const answer = (
      await resolve({
        currency: 'EUR',
        items: [
          { productId: 'mug', quantity: 1 },
          { productId: 'nothing', quantity: 1 },
        ],
      })
    ).json();
    expect(answer.items).toEqual([
      { productId: 'mug', quantity: 1, error: { code: 'price_unavailable' } },
      { productId: 'nothing', quantity: 1, error: { code: 'product_not_found' } },
    ]);
  });

  it('refuses quantities that are zero, negative or absurd', async () => {
    for (const quantity of [0, -1, 1.5, 1e9]) {
      const response = await resolve({ items: [{ productId: 'mug', quantity }] });
      expect(response.status, String(quantity)).toBe(400);
    }
  });

  it('applies the loyalty tier perk and the margin floor, in that order', async () => {
    await node.call('PUT', '/v1/loyalty/program', {
      body: {
        currency: 'GBP',
        pointsPerUnit: 1,
        tiers: [
          { id: 'member', perks: {} },
          { id: 'gold', minPoints: 10, perks: { percentOff: 50 } },
        ],
      },
    });
    await node.rules.backfill.idle();
    await node.call('POST', '/v1/track', {
      body: { userId: 'loyal', event: 'Order Completed', properties: { order_id: 'loyal-1', total: 20 } },
    });
    const answer = (
      await resolve({
        userId: 'loyal',
        items: [
          { productId: 'mug', quantity: 1 },
          { productId: 'lamp', quantity: 1 },
        ],
      })
    ).json();
    expect(answer.items[0]).toMatchObject({
      final: { amount: 660 },
      applied: [
        { priceListId: 'loyalty', kind: 'loyalty', reason: 'loyalty tier gold: 50% off' },
        { priceListId: 'margin-floor', kind: 'margin_floor' },
      ],
      personalized: true,
    });
    expect(answer.items[1]).toMatchObject({ final: { amount: 2500 } });
  });

  it('shows the lowest price of the 30 days before a sale (EU Omnibus)', async () => {
    await node.call('PUT', '/v1/products/kettle', {
      body: productBody({ title: 'Kettle', price: { amount: 2000, currency: 'GBP' } }),
    });
    clock.advance(10 * DAY);
    await node.call('PUT', '/v1/products/kettle', {
      body: productBody({ title: 'Kettle', price: { amount: 2400, currency: 'GBP' } }),
    });
    clock.advance(5 * DAY);
    await node.call('PUT', '/v1/price-lists/kettle-sale', {
      body: { type: 'sale', currency: 'GBP', audience: {}, prices: [{ productId: 'kettle', amount: 2200 }] },
    });
    await node.pricing.settled();
    const answer = (await resolve({ items: [{ productId: 'kettle', quantity: 1 }] })).json();
    expect(answer.items[0]).toMatchObject({
      final: { amount: 2200 },
      lowestPrice30d: { amount: 2000, currency: 'GBP' },
      personalized: false,
    });

    clock.advance(40 * DAY);
    await node.call('PUT', '/v1/price-lists/kettle-sale', {
      body: { type: 'sale', currency: 'GBP', audience: {}, prices: [{ productId: 'kettle', amount: 2100 }] },
    });
    const later = (await resolve({ items: [{ productId: 'kettle', quantity: 1 }] })).json();
    // The 30 days before this version of the sale saw only the earlier sale price.
    expect(later.items[0]).toMatchObject({ final: { amount: 2100 }, lowestPrice30d: { amount: 2200 } });
  });
});
