import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { PUBLISHABLE_KEY, productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

const clock = new ManualClock('2026-06-15T12:00:00.000Z');
let node: TestAttune;

const KITCHEN = ['mug', 'cup', 'plate', 'bowl', 'jug', 'spoon', 'fork', 'knife', 'pan', 'pot'];

const product = (id: string, category: string, amount: number, extra: Record<string, unknown> = {}) => ({
  id,
  ...productBody({
    title: `${id} ${category}`,
    categories: [category],
    price: { amount, currency: 'GBP' },
    ...extra,
  }),
});
const listing = (body: Record<string, unknown>, key?: string) =>
  node.call('POST', '/v1/listings', { body: { limit: 24, ...body }, ...(key !== undefined && { key }) });
const ids = (response: { json: () => any }): string[] =>
  (response.json().items as { productId: string }[]).map((item) => item.productId);
const view = (userId: string, productId: string) =>
  node.call('POST', '/v1/track', {
    body: {
      userId,
      event: 'Product Viewed',
      properties: { product_id: productId, category: 'home/candles' },
    },
  });

beforeAll(async () => {
  node = await startTestAttune({}, { clock });
  await node.call('POST', '/v1/products:batch', {
    body: {
      items: [
        ...KITCHEN.map((id, index) => product(id, 'home/kitchen', 500 + index * 10)),
        product('candle', 'home/candles', 300, { description: 'a white candle that smells of vanilla' }),
        product('tealight', 'home/candles', 200),
        product('lamp', 'home/lighting', 5000, { title: 'White lamp' }),
        product('old', 'home/kitchen', 100, { status: 'archived' }),
      ],
    },
  });
  // Mugs sell best; plates next.
  for (const [index, items] of [['mug', 'plate'], ['mug'], ['mug', 'plate'], ['jug']].entries()) {
    await node.call('POST', '/v1/track', {
      body: {
        userId: `buyer-${index}`,
        event: 'Order Completed',
        properties: { order_id: `o-${index}`, products: items.map((id) => ({ product_id: id, price: 5 })) },
      },
    });
  }
  await node.call('PUT', '/v1/promotions/mugs', {
    body: {
      title: 'Mugs 10% off',
      action: { type: 'percent_off', target: 'items', match: { productIds: ['mug'] }, percent: 10 },
    },
  });
  await node.call('PUT', '/v1/price-lists/plate-sale', {
    body: { type: 'sale', currency: 'GBP', prices: [{ productId: 'plate', amount: 450 }] },
  });
  for (let index = 0; index < 5; index += 1) await view('carla', index % 2 === 0 ? 'candle' : 'tealight');
});
afterAll(() => node.dispose());

describe('listings', () => {
  it('ranks a category by popularity for a visitor, priced and with the badges of open item promotions', async () => {
    const answer = (await listing({ category: 'Home/Kitchen' }, PUBLISHABLE_KEY)).json();
    expect(answer.items.map((item: { productId: string }) => item.productId).slice(0, 3)).toEqual([
      'mug',
      'plate',
      'jug',
    ]);
    expect(answer.items).toHaveLength(KITCHEN.length);
    expect(answer.items.map((item: { productId: string }) => item.productId)).not.toContain('old');
    expect(answer.items[0]).toMatchObject({
      productId: 'mug',
      title: 'mug home/kitchen',
      price: { base: { amount: 500, currency: 'GBP' }, final: { amount: 500, currency: 'GBP' } },
      offers: [{ promotionId: 'mugs', badge: '10% off' }],
      inStock: true,
      reasons: ['popular'],
    });
    expect(answer.items[1].price.final).toEqual({ amount: 450, currency: 'GBP' });
    expect(answer.items[1].offers).toEqual([]);
    expect(answer.nextCursor).toBeNull();
  });

  it('charges in the cart the unit price the listing shows', async () => {
    const shown = (await listing({ category: 'home/kitchen' })).json().items as {
      productId: string;
      price: { final: { amount: number } };
    }[];
    const cart = (
      await node.call('POST', '/v1/carts:evaluate', {
        body: { currency: 'GBP', items: shown.map((item) => ({ productId: item.productId, quantity: 1 })) },
      })
    ).json();
    for (const item of shown) {
      const line = cart.lines.find((entry: { productId: string }) => entry.productId === item.productId);
      expect(line.unitPrice.amount).toBe(item.price.final.amount);
    }
  });

  it('lifts what a customer likes, only for a caller who may act as them', async () => {
    const forCarla = (await listing({ category: 'home', userId: 'carla' })).json();
    expect(
      forCarla.items
        .slice(0, 2)
        .map((item: { productId: string }) => item.productId)
        .sort(),
    ).toEqual(['candle', 'tealight']);
    expect(forCarla.items[0].reasons[0]).toBe('affinity: home/candles');
    const asAnyone = ids(await listing({ category: 'home', userId: 'carla' }, PUBLISHABLE_KEY));
    expect(asAnyone[0]).toBe('mug');
    await node.call('PUT', '/v1/profiles/carla/consent', {
      body: { personalization: false, analytics: true },
    });
    expect(ids(await listing({ category: 'home', userId: 'carla' }))).toEqual(asAnyone);
    await node.call('PUT', '/v1/profiles/carla/consent', {
      body: { personalization: true, analytics: true },
    });
  });

  it('puts products out of stock last, and says so', async () => {
    await node.call('PUT', '/v1/inventory/mug', { body: { available: 0 } });
    const items = (await listing({ category: 'home/kitchen' })).json().items;
    expect(items[items.length - 1]).toMatchObject({ productId: 'mug', inStock: false });
    expect(items[items.length - 1].reasons).toContain('out of stock');
    await node.call('PUT', '/v1/inventory/mug', { body: { available: 10 } });
  });

  it('pages with a cursor that never repeats or skips a product, even when events reorder the listing', async () => {
    const first = (await listing({ category: 'home', limit: 4 })).json();
    expect(first.items).toHaveLength(4);
    expect(first.nextCursor).toEqual(expect.any(String));
    // Between pages the last of the listing becomes the best seller.
    for (let index = 0; index < 6; index += 1) {
      await node.call('POST', '/v1/track', {
        body: {
          userId: `late-${index}`,
          event: 'Order Completed',
          properties: { order_id: `late-${index}`, products: [{ product_id: 'pot', price: 5 }] },
        },
      });
    }
    clock.advance(10_000);
    const seen = [...ids({ json: () => first })];
    expect(seen).not.toContain('pot');
    const second = (await listing({ category: 'home', limit: 4, cursor: first.nextCursor })).json();
    expect(second.items[0].productId).toBe('pot');
    seen.push(...ids({ json: () => second }));
    let cursor: string | null = second.nextCursor;
    while (cursor !== null) {
      const page = (await listing({ category: 'home', limit: 4, cursor })).json();
      seen.push(...page.items.map((item: { productId: string }) => item.productId));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual([...KITCHEN, 'candle', 'tealight', 'lamp'].sort());
  });

  it('answers a text query by relevance, and refuses a cursor it did not give', async () => {
    const white = ids(await listing({ query: 'white candle' }));
    expect(white[0]).toBe('candle');
    expect(white).toContain('lamp');
    expect(white).not.toContain('mug');
    const bad = await listing({ category: 'home', cursor: 'not-a-cursor!' });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_cursor', pointer: '/cursor' });
  });
});

describe('listing rules', () => {
  const putRules = (body: unknown, key?: string) =>
    node.call('PUT', '/v1/listings/rules', { body, ...(key !== undefined && { key }) });
  afterAll(() => putRules({}));

  it('shows pinned products first in the merchant’s order, once, while they can be sold', async () => {
    const saved = await putRules({
      pins: [{ category: 'Home/Kitchen', productIds: ['knife', 'candle', 'fork'] }],
    });
    expect(saved.status).toBe(200);
    expect(saved.json().pins).toEqual([
      { category: 'home/kitchen', productIds: ['knife', 'candle', 'fork'] },
    ]);
    const first = (await listing({ category: 'home/kitchen', limit: 4 })).json();
    expect(ids({ json: () => first })).toEqual(['knife', 'candle', 'fork', 'pot']);
    expect(first.items[0].reasons).toEqual(['pinned']);
    const rest = (await listing({ category: 'home/kitchen', limit: 24, cursor: first.nextCursor })).json();
    expect(ids({ json: () => rest })).not.toContain('knife');
    // Another listing, and a sold-out pin, rank as usual.
    expect(ids(await listing({ category: 'home/candles' }))[0]).not.toBe('knife');
    await node.call('PUT', '/v1/inventory/knife', { body: { available: 0 } });
    const soldOut = ids(await listing({ category: 'home/kitchen' }));
    expect(soldOut.slice(0, 2)).toEqual(['candle', 'fork']);
    expect(soldOut[soldOut.length - 1]).toBe('knife');
    await node.call('PUT', '/v1/inventory/knife', { body: { available: 5 } });
  });

  it('ranks by the weights the merchant sets', async () => {
    await putRules({});
    // The best seller since the paging test.
    expect(ids(await listing({ category: 'home/kitchen' }))[0]).toBe('pot');
    await putRules({ weights: { popularity: 0, relevance: 0, affinity: 0, margin: 0 } });
    // Nothing counts: ties fall back to ids.
    expect(ids(await listing({ category: 'home/kitchen' }))).toEqual([...KITCHEN].sort());
    expect((await node.call('GET', '/v1/listings/rules')).json().weights).toEqual({
      relevance: 0,
      affinity: 0,
      popularity: 0,
      margin: 0,
    });
  });

  it('refuses rules that cannot work, and keys that may not set them', async () => {
    const both = await putRules({ pins: [{ category: 'home', query: 'mug', productIds: ['mug'] }] });
    expect(both.status).toBe(400);
    expect(both.json()).toMatchObject({ code: 'invalid_listing_rules', pointer: '/pins/0' });
    const twice = await putRules({
      pins: [
        { category: 'home', productIds: ['mug'] },
        { category: 'HOME', productIds: ['cup'] },
      ],
    });
    expect(twice.json()).toMatchObject({ code: 'invalid_listing_rules', pointer: '/pins/1' });
    expect((await putRules({}, PUBLISHABLE_KEY)).status).toBe(403);
  });
});
