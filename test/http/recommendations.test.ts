import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { PUBLISHABLE_KEY, productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

const clock = new ManualClock('2026-06-15T12:00:00.000Z');
let node: TestAttune;

const product = (id: string, categories: string[], amount: number, extra: Record<string, unknown> = {}) => ({
  id,
  ...productBody({
    title: `${id} ${categories[0]}`,
    categories,
    price: { amount, currency: 'GBP' },
    ...extra,
  }),
});

const order = (userId: string, orderId: string, productIds: string[]) =>
  node.call('POST', '/v1/track', {
    body: {
      userId,
      event: 'Order Completed',
      properties: {
        order_id: orderId,
        currency: 'GBP',
        products: productIds.map((id) => ({ product_id: id, quantity: 1, price: 5 })),
      },
    },
  });

const ask = (body: Record<string, unknown>, key?: string) =>
  node.call('POST', '/v1/recommendations', {
    body: { limit: 10, ...body },
    ...(key !== undefined && { key }),
  });
/** Asks with a publishable key and a customer token for `userId`, as a storefront acting for them. */
const askAs = async (userId: string, body: Record<string, unknown>) => {
  const token = (await node.call('POST', '/v1/customer-tokens', { body: { userId } })).json().token as string;
  return node.call('POST', '/v1/recommendations', {
    key: PUBLISHABLE_KEY,
    headers: { 'x-customer-token': token },
    body: { limit: 10, userId, ...body },
  });
};
const idsOf = (response: { json: () => any }): string[] =>
  (response.json().items as { productId: string }[]).map((item) => item.productId);

beforeAll(async () => {
  node = await startTestAttune({}, { clock });
  await node.call('POST', '/v1/products:batch', {
    body: {
      items: [
        product('mug', ['home/kitchen/mugs'], 900, { brand: 'Acme' }),
        product('cup', ['home/kitchen/mugs'], 700, { brand: 'Acme' }),
        product('plate', ['home/kitchen/plates'], 600, { brand: 'Acme' }),
        product('bowl', ['home/kitchen/bowls'], 800, { brand: 'Potter' }),
        product('spoon', ['home/kitchen/cutlery'], 200, { brand: 'Potter' }),
        product('lamp', ['home/lighting'], 5000, { brand: 'Lumo' }),
        product('candle', ['home/candles'], 300, { brand: 'Lumo' }),
        product('tote', ['bags'], 1200),
        product('old-tote', ['bags'], 1100, { status: 'archived' }),
      ],
    },
  });
  await node.call('POST', '/v1/identify', { body: { userId: 'fr-1', traits: { country: 'FR' } } });
  await order('c1', 'o1', ['mug', 'plate']);
  await order('c2', 'o2', ['mug', 'plate', 'bowl']);
  await order('c3', 'o3', ['mug', 'bowl', 'old-tote']);
  await order('c3', 'o3b', ['mug', 'spoon']);
  await order('c4', 'o4', ['lamp', 'candle']);
  await order('c5', 'o5', ['mug', 'plate', 'tote']);
  await order('fr-1', 'o6', ['candle', 'tote']);
  await order('fr-1', 'o7', ['candle']);
  const rebuilt = await node.call('POST', '/v1/recommendations/models:rebuild');
  expect(rebuilt.status).toBe(200);
});
afterAll(() => node.dispose());

describe('recommendations', () => {
  it('rebuilds the models on demand and reports them, EASE trained in a worker', async () => {
    const report = (await node.call('POST', '/v1/recommendations/models:rebuild')).json();
    expect(report).toMatchObject({ customers: 6, describedProducts: 9 });
    expect(report.denseItems).toBeGreaterThanOrEqual(4);
    expect(report.interactions).toBeGreaterThan(15);
  });

  it('answers bought-together from co-purchases, with the reason and never the product itself', async () => {
    const answer = (await ask({ strategy: 'bought-together', productId: 'mug' })).json();
    expect(answer.strategy).toBe('bought-together');
    expect(answer.items[0]).toMatchObject({ productId: 'plate', reason: 'bought with mug' });
    expect(answer.items.map((item: { productId: string }) => item.productId)).not.toContain('mug');
    expect(answer.items.every((item: { score: number }) => typeof item.score === 'number')).toBe(true);
  });

  it('never recommends archived products, nor one out of stock from the moment its stock is 0', async () => {
    expect(idsOf(await ask({ strategy: 'bought-together', productId: 'bowl' }))).not.toContain('old-tote');
    expect(idsOf(await ask({ strategy: 'popular' }))).not.toContain('old-tote');
    await node.call('PUT', '/v1/inventory/plate', { body: { available: 0 } });
    expect(idsOf(await ask({ strategy: 'bought-together', productId: 'mug' }))).not.toContain('plate');
    expect(idsOf(await ask({ strategy: 'popular', limit: 100 }))).not.toContain('plate');
    await node.call('PUT', '/v1/inventory/plate', { body: { available: 10 } });
    expect(idsOf(await ask({ strategy: 'bought-together', productId: 'mug' }))[0]).toBe('plate');
  });

  it('blends for-you from the customer and others like them; excludePurchased makes it discovery', async () => {
    const personal = (await ask({ strategy: 'for-you', userId: 'c1' })).json();
    expect(personal.fallback).toBeUndefined();
    expect(personal.items.length).toBeGreaterThan(0);
    expect(personal.items.map((item: { reason: string }) => item.reason).join('|')).toMatch(
      /you bought this before|because you bought/,
    );
    const discovery = idsOf(
      await ask({ strategy: 'for-you', userId: 'c1', filter: { excludePurchased: true } }),
    );
    expect(discovery).not.toContain('mug');
    expect(discovery).not.toContain('plate');
    expect(discovery).toContain('bowl');
  });

  it('buys again what the customer bought, most often first', async () => {
    const answer = (await ask({ strategy: 'buy-again', userId: 'fr-1' })).json();
    expect(answer.items[0]).toMatchObject({ productId: 'candle', reason: 'bought 2 times' });
    expect(answer.items.map((item: { productId: string }) => item.productId)).toEqual(['candle', 'tote']);
  });

  it('falls back to popular products for a new customer and says why', async () => {
    const answer = (await ask({ strategy: 'for-you', userId: 'nobody-yet' })).json();
    expect(answer.fallback).toBe('popular');
    expect(answer.items[0].productId).toBe('mug');
    expect(answer.items[0].reason).toBe('popular (no history yet)');
  });

  it('reads popularity for the customer’s country when there is some', async () => {
    const answer = (await ask({ strategy: 'popular', context: { country: 'fr' } })).json();
    expect(answer.items[0]).toMatchObject({ productId: 'candle', reason: 'popular in FR' });
    expect((await ask({ strategy: 'popular', context: { country: 'DE' } })).json().items[0]).toMatchObject({
      productId: 'mug',
      reason: 'popular',
    });
  });

  it('shows what a segment buys only to the merchant or to a customer of that segment', async () => {
    await node.call('PUT', '/v1/segments/fans', {
      body: { name: 'Fans', rule: { trait: 'traits.plan', op: 'eq', value: 'fan' } },
    });
    await node.call('POST', '/v1/identify', { body: { userId: 'fan-1', traits: { plan: 'fan' } } });
    await order('fan-1', 'fan-order', ['lamp']);
    const merchant = (await ask({ strategy: 'popular', segment: 'fans' })).json();
    expect(merchant.items[0]).toMatchObject({ productId: 'lamp', reason: 'popular with segment fans' });
    const visitor = (await ask({ strategy: 'popular', segment: 'fans' }, PUBLISHABLE_KEY)).json();
    expect(visitor.items.map((item: { reason: string }) => item.reason)).not.toContain(
      'popular with segment fans',
    );
    // Another fan (the first one bought the lamp, and popular leaves out what a customer bought).
    await node.call('POST', '/v1/identify', { body: { userId: 'fan-2', traits: { plan: 'fan' } } });
    const fan = await askAs('fan-2', { strategy: 'popular', segment: 'fans', limit: 3 });
    expect(fan.json().items[0]).toMatchObject({ productId: 'lamp', reason: 'popular with segment fans' });
  });

  it('learns each event at once: the next answer already knows it', async () => {
    const viewed = (await ask({ strategy: 'recently-viewed', anonymousId: 'visit-7' })).json();
    expect(viewed.items).toEqual([]);
    await node.call('POST', '/v1/track', {
      key: PUBLISHABLE_KEY,
      body: { anonymousId: 'visit-7', event: 'Product Viewed', properties: { product_id: 'lamp' } },
    });
    expect(idsOf(await ask({ strategy: 'recently-viewed', anonymousId: 'visit-7' }))).toEqual(['lamp']);

    const boughtWithSpoon = async () =>
      (await ask({ strategy: 'bought-together', productId: 'spoon' }))
        .json()
        .items.filter((item: { reason: string }) => item.reason === 'bought with spoon');
    expect((await boughtWithSpoon()).map((item: { productId: string }) => item.productId)).not.toContain(
      'lamp',
    );
    await order('c6', 'o8', ['spoon', 'lamp']);
    expect(await boughtWithSpoon()).toContainEqual(expect.objectContaining({ productId: 'lamp' }));
  });

  it('counts an order once however often it arrives', async () => {
    const before = (await ask({ strategy: 'buy-again', userId: 'c5' })).json().items;
    await order('c5', 'o5', ['mug', 'plate', 'tote']);
    expect((await ask({ strategy: 'buy-again', userId: 'c5' })).json().items).toEqual(before);
  });

  it('applies filters: categories, brands, price range, attributes and exclusions', async () => {
    const base = { strategy: 'popular', limit: 20 };
    const kitchen = idsOf(await ask({ ...base, filter: { categories: ['Home/Kitchen'] } }));
    expect(kitchen.length).toBeGreaterThan(0);
    expect(kitchen.every((id) => ['mug', 'cup', 'plate', 'bowl', 'spoon'].includes(id))).toBe(true);
    expect(idsOf(await ask({ ...base, filter: { brands: ['lumo'] } })).sort()).toEqual(['candle', 'lamp']);
    const cheap = idsOf(await ask({ ...base, filter: { price: { gte: 300, lte: 800 } } }));
    expect(cheap.sort()).toEqual(['bowl', 'candle', 'plate']);
    expect(idsOf(await ask({ ...base, filter: { excludeProductIds: ['mug'] } }))).not.toContain('mug');
    expect(idsOf(await ask({ ...base, filter: { attributes: { colour: 'red' } } }))).toEqual([]);
  });

  it('completes a cart with what goes with it, never what is already in it', async () => {
    const answer = (
      await ask({
        strategy: 'cart-complements',
        cart: { items: [{ productId: 'mug' }, { productId: 'bowl' }] },
      })
    ).json();
    const ids = answer.items.map((item: { productId: string }) => item.productId);
    expect(ids).not.toContain('mug');
    expect(ids).not.toContain('bowl');
    expect(ids[0]).toBe('plate');
  });

  it('finds similar products by content', async () => {
    const answer = (await ask({ strategy: 'similar', productId: 'mug' })).json();
    expect(answer.items[0]).toMatchObject({ productId: 'cup', reason: 'similar to mug' });
  });

  it('applies merchandising: pins, boosts and at most N per category', async () => {
    const publishable = await node.call('PUT', '/v1/recommendations/rules', {
      key: PUBLISHABLE_KEY,
      body: {},
    });
    expect(publishable.status).toBe(403);
    const rules = {
      pins: [{ productId: 'tote', position: 1, strategies: ['popular'] }],
      boosts: [{ match: { brands: ['Lumo'] }, factor: 100 }],
      maxPerCategory: 2,
    };
    expect((await node.call('PUT', '/v1/recommendations/rules', { body: rules })).json()).toEqual(rules);
    expect((await node.call('GET', '/v1/recommendations/rules')).json()).toEqual(rules);
    const answer = (await ask({ strategy: 'popular', limit: 5 })).json();
    expect(answer.items[0]).toMatchObject({ productId: 'tote', reason: 'pinned by merchandising' });
    expect(['candle', 'lamp']).toContain(answer.items[1].productId);
    const homes = answer.items.filter((item: { productId: string }) => item.productId !== 'tote');
    expect(homes.length).toBe(2);
    await node.call('PUT', '/v1/recommendations/rules', { body: {} });
  });

  it('shows a customer’s history only to a caller who may act as them', async () => {
    const asAnyone = (await ask({ strategy: 'buy-again', userId: 'fr-1' }, PUBLISHABLE_KEY)).json();
    expect(asAnyone.items).toEqual([]);
    const asThem = await askAs('fr-1', { strategy: 'buy-again', limit: 5 });
    expect(asThem.json().items.map((item: { productId: string }) => item.productId)).toEqual([
      'candle',
      'tote',
    ]);
  });

  it('forgets an erased customer at once, and their part in shared counts with the rebuild', async () => {
    const boughtWithCandle = async () =>
      (await ask({ strategy: 'bought-together', productId: 'candle' }))
        .json()
        .items.filter((item: { reason: string }) => item.reason === 'bought with candle')
        .map((item: { productId: string }) => item.productId)
        .sort();
    expect(await boughtWithCandle()).toEqual(['lamp', 'tote']);
    const c4 = (await node.profiles.find('c4'))?.profile.id as string;
    expect(node.recommendations.models.online.customers.has(c4)).toBe(true);
    expect((await node.call('DELETE', '/v1/profiles/c4')).status).toBe(200);
    expect(node.recommendations.models.online.customers.has(c4)).toBe(false);
    expect((await ask({ strategy: 'for-you', userId: 'c4' })).json().fallback).toBe('popular');
    await node.call('POST', '/v1/recommendations/models:rebuild');
    expect(await boughtWithCandle()).toEqual(['tote']);
  });

  it('refuses malformed requests with a problem naming the field', async () => {
    const badStrategy = await ask({ strategy: 'everything' });
    expect(badStrategy.status).toBe(400);
    expect(badStrategy.json()).toMatchObject({ code: 'invalid_value', pointer: '/strategy' });
    const badLimit = await ask({ strategy: 'popular', limit: 0 });
    expect(badLimit.json()).toMatchObject({ pointer: '/limit' });
    const badPrice = await ask({ strategy: 'popular', filter: { price: { gte: 1.5 } } });
    expect(badPrice.json()).toMatchObject({ pointer: '/filter/price/gte' });
  });
});
