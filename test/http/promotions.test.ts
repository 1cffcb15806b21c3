import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { PUBLISHABLE_KEY, productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

const clock = new ManualClock('2026-06-15T12:00:00.000Z');
let node: TestAttune;

const product = (id: string, amount: number, extra: Record<string, unknown> = {}) => ({
  id,
  ...productBody({ title: id, categories: ['home/kitchen'], price: { amount, currency: 'GBP' }, ...extra }),
});

beforeAll(async () => {
  node = await startTestAttune({ ATTUNE_MIN_ORDER_TOTAL: '100' }, { clock });
  await node.call('POST', '/v1/products:batch', {
    body: {
      items: [
        product('mug', 1000, { cost: { amount: 400, currency: 'GBP' } }),
        product('plate', 600),
        product('lamp', 5000, { categories: ['home/lighting'] }),
        product('tote', 800, { categories: ['bags'] }),
      ],
    },
  });
  await node.call('PUT', '/v1/price-lists/lamp-sale', {
    body: { type: 'sale', currency: 'GBP', prices: [{ productId: 'lamp', amount: 4500 }] },
  });
});
afterAll(() => node.dispose());

const put = (id: string, body: Record<string, unknown>) => node.call('PUT', `/v1/promotions/${id}`, { body });
const evaluate = (body: Record<string, unknown>, key?: string) =>
  node.call('POST', '/v1/carts:evaluate', {
    body: { currency: 'GBP', ...body },
    ...(key !== undefined && { key }),
  });
const order = (body: Record<string, unknown>) =>
  node.call('POST', '/v1/orders', { body: { currency: 'GBP', ...body } });

describe('promotions', () => {
  it('keeps a promotion with defaults, a version and the budget as Money', async () => {
    const created = await put('welcome', {
      title: 'Welcome',
      action: { type: 'percent_off', target: 'order', percent: 10 },
      limits: { budget: { amount: 100_000, currency: 'GBP' } },
      coupon: { required: true, codes: ['welcome10'] },
    });
    expect(created.status).toBe(201);
    expect(created.headers['etag']).toBe('"1"');
    expect(created.json()).toMatchObject({
      id: 'welcome',
      badge: '10% off',
      currency: 'GBP',
      status: 'active',
      stacking: { mode: 'stackable', priority: 0 },
      limits: { budget: { amount: 100_000, currency: 'GBP' } },
      coupon: { required: true, codes: ['WELCOME10'] },
      version: 1,
    });
    expect((await node.call('GET', '/v1/promotions/welcome')).json().title).toBe('Welcome');
    expect(
      (await node.call('GET', '/v1/promotions')).json().items.map((each: { id: string }) => each.id),
    ).toContain('welcome');
  });

  it.each([
    [
      { title: 'x', action: { type: 'percent_off', target: 'order', percent: 120 } },
      'out_of_range',
      '/action',
    ],
    [{ title: 'x', action: { type: 'teleport' } }, undefined, '/action'],
    [
      {
        title: 'x',
        startsAt: '2026-07-01T00:00:00Z',
        endsAt: '2026-06-01T00:00:00Z',
        action: { type: 'free_shipping' },
      },
      'invalid_promotion',
      '/endsAt',
    ],
    [
      {
        title: 'x',
        action: {
          type: 'spend_tiers',
          tiers: [
            { gte: 5000, amount: 500 },
            { gte: 4000, amount: 600 },
          ],
        },
      },
      'invalid_promotion',
      '/action/tiers/1',
    ],
    [
      { title: 'x', limits: { budget: { amount: 100, currency: 'EUR' } }, action: { type: 'free_shipping' } },
      'invalid_promotion',
      '/limits/budget/currency',
    ],
    [
      {
        title: 'x',
        action: { type: 'buy_x_get_y', buy: { match: {}, quantity: 1 }, get: { quantity: 1, percent: 100 } },
      },
      'invalid_promotion',
      '/action/get',
    ],
    [{ title: 'x', endsAt: '2026-12-31T23:59:60Z', action: { type: 'free_shipping' } }, undefined, '/endsAt'],
    [
      { title: 'x', coupon: { required: true, codes: ['abc', 'ABC'] }, action: { type: 'free_shipping' } },
      'invalid_promotion',
      '/coupon/codes',
    ],
  ])('refuses an invalid promotion with the field (%#)', async (body, code, pointer) => {
    const response = await put('bad', body);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    if (code !== undefined) expect(response.json().code).toBe(code);
    expect(response.json().pointer).toContain(pointer);
    expect((await node.call('GET', '/v1/promotions/bad')).status).toBe(404);
  });

  it.each([
    [
      'a field of the branch its type names',
      { type: 'fixed_price', match: { categories: ['/'] }, amount: 295 },
      { code: 'invalid_category', pointer: '/action/match/categories/0' },
    ],
    [
      'a field that branch requires',
      { type: 'percent_off', percent: 10 },
      { code: 'missing_field', pointer: '/action/target' },
    ],
    [
      'a field that branch does not know',
      { type: 'gift', productId: 'mug', percent: 10 },
      { code: 'unknown_field', pointer: '/action/percent' },
    ],
    [
      'a type that names no action, with the types allowed',
      { type: 'half_off', match: {} },
      {
        code: 'invalid_value',
        pointer: '/action/type',
        allowed: expect.arrayContaining(['fixed_price', 'gift']),
      },
    ],
    ['a type that is not a string', { type: 5 }, { code: 'invalid_type', pointer: '/action/type' }],
    ['a missing type', { percent: 10 }, { code: 'missing_field', pointer: '/action/type' }],
  ])('refuses an action and names %s', async (_, action, problem) => {
    const response = await put('misfit', { title: 'Misfit', action });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ ...problem, in: 'body' });
  });

  it('refuses a listed code that another promotion holds', async () => {
    const response = await put('copycat', {
      title: 'Copy',
      coupon: { required: true, codes: ['WELCOME10'] },
      action: { type: 'free_shipping' },
    });
    expect(response.status).toBe(409);
    expect(response.json().code).toBe('coupon_taken');
  });

  it('generates unguessable single-use codes in bulk, usable in any case', async () => {
    await put('bulk', {
      title: 'Bulk',
      coupon: { required: true },
      action: { type: 'amount_off', target: 'order', amount: 200 },
    });
    const response = await node.call('POST', '/v1/promotions/bulk/coupons:generate', {
      body: { count: 2_000, prefix: 'spring' },
    });
    expect(response.status).toBe(201);
    const { codes, count } = response.json() as { codes: string[]; count: number };
    expect(count).toBe(2_000);
    expect(new Set(codes).size).toBe(2_000);
    for (const code of codes) expect(code).toMatch(/^SPRING-[0-9A-HJKMNP-TV-Z]{12}$/);
    const cart = await evaluate({
      items: [{ productId: 'lamp', quantity: 1 }],
      coupons: [(codes[0] as string).toLowerCase()],
    });
    expect(cart.json().discounts).toEqual([
      {
        promotionId: 'bulk',
        couponCode: codes[0],
        amount: { amount: 200, currency: 'GBP' },
        target: 'order',
      },
    ]);
    expect(
      (await node.call('POST', '/v1/promotions/nope/coupons:generate', { body: { count: 1 } })).status,
    ).toBe(404);
  });
});

describe('carts', () => {
  it('prices lines with the pricing module, then applies promotions, explaining each', async () => {
    await put('kitchen-10', {
      title: 'Kitchen 10%',
      action: { type: 'percent_off', target: 'items', match: { categories: ['home/kitchen'] }, percent: 10 },
    });
    const response = await evaluate({
      items: [
        { productId: 'mug', quantity: 2 },
        { productId: 'lamp', quantity: 1 },
      ],
      shipping: { amount: 495, currency: 'GBP' },
    });
    expect(response.status).toBe(200);
    const cart = response.json();
    expect(cart.lines).toEqual([
      {
        productId: 'mug',
        quantity: 2,
        unitPrice: { amount: 1000, currency: 'GBP' },
        discounts: [{ promotionId: 'kitchen-10', amount: { amount: 200, currency: 'GBP' } }],
        total: { amount: 1800, currency: 'GBP' },
      },
      {
        productId: 'lamp',
        quantity: 1,
        unitPrice: { amount: 4500, currency: 'GBP' },
        discounts: [],
        total: { amount: 4500, currency: 'GBP' },
      },
    ]);
    expect(cart.subtotal).toEqual({ amount: 6500, currency: 'GBP' });
    expect(cart.total).toEqual({ amount: 6795, currency: 'GBP' });
    expect(cart.applied).toEqual([{ promotionId: 'kitchen-10', reason: '10% off' }]);
    await node.call('DELETE', '/v1/promotions/kitchen-10');
  });

  it('answers an unknown product or a foreign shipping currency with the field', async () => {
    const unknown = await evaluate({ items: [{ productId: 'ghost', quantity: 1 }] });
    expect(unknown.status).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'cart_item_unavailable', pointer: '/items/0/productId' });
    const shipping = await evaluate({
      items: [{ productId: 'mug', quantity: 1 }],
      shipping: { amount: 5, currency: 'EUR' },
    });
    expect(shipping.json()).toMatchObject({ code: 'currency_mismatch', pointer: '/shipping/currency' });
  });

  it('adds the free item and nudges towards the next step', async () => {
    await put('mugs-b2g1', {
      title: 'Mugs 3 for 2',
      action: {
        type: 'buy_x_get_y',
        buy: { match: { productIds: ['mug'] }, quantity: 2 },
        get: { productId: 'mug', quantity: 1, percent: 100 },
      },
    });
    await put('ship-free', {
      title: 'Free shipping',
      conditions: { subtotal: { gte: 5000 } },
      action: { type: 'free_shipping' },
    });
    const one = (
      await evaluate({
        items: [{ productId: 'mug', quantity: 1 }],
        shipping: { amount: 495, currency: 'GBP' },
      })
    ).json();
    expect(one.nudges).toEqual([
      {
        promotionId: 'mugs-b2g1',
        message: 'Add 1 more item to get: Buy 2 get 1 free',
        missing: { quantity: 1 },
      },
      {
        promotionId: 'ship-free',
        message: 'Add 40.00 GBP more to get: Free shipping',
        missing: { amount: { amount: 4000, currency: 'GBP' } },
      },
    ]);
    const two = (await evaluate({ items: [{ productId: 'mug', quantity: 2 }] })).json();
    expect(two.lines[1]).toMatchObject({
      productId: 'mug',
      quantity: 1,
      free: true,
      addedBy: 'mugs-b2g1',
      total: { amount: 0 },
    });
    await node.call('DELETE', '/v1/promotions/mugs-b2g1');
    await node.call('DELETE', '/v1/promotions/ship-free');
  });

  it('never brings an order below the configured minimum', async () => {
    await put('everything', {
      title: 'All off',
      action: { type: 'amount_off', target: 'order', amount: 1_000_000 },
    });
    const cart = (await evaluate({ items: [{ productId: 'plate', quantity: 1 }] })).json();
    expect(cart.total).toEqual({ amount: 100, currency: 'GBP' });
    await node.call('DELETE', '/v1/promotions/everything');
  });

  it('keeps a segment promotion from a publishable key naming a customer without their token', async () => {
    await put('vip-only', {
      title: 'VIP',
      audience: { loyaltyTiers: ['gold'] },
      action: { type: 'amount_off', target: 'order', amount: 300 },
    });
    await node.call('PUT', '/v1/loyalty/program', {
      body: { currency: 'GBP', pointsPerUnit: 1, tiers: [{ id: 'gold', perks: {} }] },
    });
    await node.rules.backfill.idle();
    await node.call('POST', '/v1/identify', { body: { userId: 'vip-customer', traits: {} } });
    const items = [{ productId: 'lamp', quantity: 1 }];
    const trusted = (await evaluate({ userId: 'vip-customer', items })).json();
    const untrusted = (await evaluate({ userId: 'vip-customer', items }, PUBLISHABLE_KEY)).json();
    expect(trusted.applied.map((each: { promotionId: string }) => each.promotionId)).toEqual(['vip-only']);
    expect(untrusted.applied).toEqual([]);
    expect(untrusted.rejected).toEqual([]);
    await node.call('DELETE', '/v1/promotions/vip-only');
  });
});

describe('offers', () => {
  it('lists what the customer can get now, with what is missing, never an expired or exhausted one', async () => {
    await put('offer-ship', {
      title: 'Ship free',
      conditions: { subtotal: { gte: 5000 } },
      action: { type: 'free_shipping' },
    });
    await put('offer-old', {
      title: 'Old',
      endsAt: '2026-06-01T00:00:00Z',
      action: { type: 'free_shipping' },
    });
    await put('offer-spent', {
      title: 'Spent',
      limits: { redemptions: 1 },
      action: { type: 'amount_off', target: 'order', amount: 100 },
    });
    await order({
      orderId: 'spend-the-offer',
      userId: 'someone',
      items: [{ productId: 'plate', quantity: 1 }],
    });
    const response = await node.call('POST', '/v1/offers', {
      body: { currency: 'GBP', cart: { items: [{ productId: 'mug', quantity: 1 }] } },
      key: PUBLISHABLE_KEY,
    });
    expect(response.status).toBe(200);
    const offers = response.json().offers as { promotionId: string; missing?: unknown }[];
    expect(offers.map((offer) => offer.promotionId)).toContain('offer-ship');
    expect(offers.map((offer) => offer.promotionId)).not.toContain('offer-old');
    expect(offers.map((offer) => offer.promotionId)).not.toContain('offer-spent');
    expect(offers.map((offer) => offer.promotionId)).not.toContain('welcome');
    expect(offers.find((offer) => offer.promotionId === 'offer-ship')?.missing).toEqual({
      amount: { amount: 4000, currency: 'GBP' },
    });
    for (const id of ['offer-ship', 'offer-old', 'offer-spent'])
      await node.call('DELETE', `/v1/promotions/${id}`);
  });
});

describe('orders', () => {
  it('records an order once: a replay answers the same, another cart under the same id conflicts', async () => {
    const body = {
      orderId: 'ord-1',
      userId: 'shopper-1',
      items: [{ productId: 'lamp', quantity: 1 }],
      coupons: ['WELCOME10'],
    };
    const first = await order(body);
    expect(first.status).toBe(200);
    expect(first.json()).toMatchObject({
      orderId: 'ord-1',
      total: { amount: 4050 },
      discounts: [{ promotionId: 'welcome', couponCode: 'WELCOME10' }],
    });
    const again = await order(body);
    expect(again.json()).toEqual(first.json());
    const other = await order({ ...body, items: [{ productId: 'mug', quantity: 1 }] });
    expect(other.status).toBe(409);
    expect(other.json().code).toBe('order_conflict');
  });

  it('refuses a redeemed single-use code with 409 and the code', async () => {
    await put('once', {
      title: 'Once',
      coupon: { required: true, codes: ['ONE-SHOT'], singleUse: true },
      action: { type: 'amount_off', target: 'order', amount: 500 },
    });
    expect(
      (
        await order({
          orderId: 'once-1',
          userId: 'a',
          items: [{ productId: 'lamp', quantity: 1 }],
          coupons: ['one-shot'],
        })
      ).status,
    ).toBe(200);
    const second = await order({
      orderId: 'once-2',
      userId: 'b',
      items: [{ productId: 'lamp', quantity: 1 }],
      coupons: ['ONE-SHOT'],
    });
    expect(second.status).toBe(409);
    expect(second.json()).toMatchObject({ code: 'coupon_redeemed', pointer: '/coupons', coupon: 'ONE-SHOT' });
    const cart = (
      await evaluate({ items: [{ productId: 'lamp', quantity: 1 }], coupons: ['ONE-SHOT'] })
    ).json();
    expect(cart.rejected).toEqual([
      { promotionId: 'once', couponCode: 'ONE-SHOT', reason: 'coupon_redeemed' },
    ]);
    // The first order, sent again (a client retrying after a timeout), is answered as the first time.
    const retried = await order({
      orderId: 'once-1',
      userId: 'a',
      items: [{ productId: 'lamp', quantity: 1 }],
      coupons: ['ONE-SHOT'],
    });
    expect(retried.status).toBe(200);
    expect(retried.json().discounts).toEqual([
      expect.objectContaining({ promotionId: 'once', couponCode: 'ONE-SHOT' }),
    ]);
  });

  it('enforces the per-customer limit, and lets an automatic promotion at its limit simply stop', async () => {
    await put('one-each', {
      title: 'One each',
      limits: { perCustomer: 1 },
      action: { type: 'amount_off', target: 'order', amount: 250 },
    });
    const items = [{ productId: 'plate', quantity: 2 }];
    const first = (await order({ orderId: 'each-1', userId: 'limited', items })).json();
    expect(first.discounts.map((each: { promotionId: string }) => each.promotionId)).toContain('one-each');
    const second = await order({ orderId: 'each-2', userId: 'limited', items });
    expect(second.status).toBe(200);
    expect(second.json().discounts.map((each: { promotionId: string }) => each.promotionId)).not.toContain(
      'one-each',
    );
    expect(second.json().rejected).toContainEqual({ promotionId: 'one-each', reason: 'customer_limit' });
    await node.call('DELETE', '/v1/promotions/one-each');
  });

  it('offers a page only what the order would give: decide knows the customer’s own limits', async () => {
    await put('first-order', {
      title: 'First order',
      limits: { perCustomer: 1 },
      action: { type: 'amount_off', target: 'order', amount: 300 },
    });
    const items = [{ productId: 'plate', quantity: 2 }];
    expect((await order({ orderId: 'first-1', userId: 'returning', items })).status).toBe(200);
    const page = async (userId: string) =>
      (
        await node.call('POST', '/v1/decide', { body: { userId, currency: 'GBP', cart: { items } } })
      ).json() as {
        offers: { promotionId: string }[];
        cart: { discounts: { promotionId: string }[]; rejected: unknown[] };
      };
    const returning = await page('returning');
    expect(returning.offers.map((offer) => offer.promotionId)).not.toContain('first-order');
    expect(returning.cart.discounts.map((each) => each.promotionId)).not.toContain('first-order');
    expect(returning.cart.rejected).toContainEqual({ promotionId: 'first-order', reason: 'customer_limit' });
    const newcomer = await page('newcomer');
    expect(newcomer.offers.map((offer) => offer.promotionId)).toContain('first-order');
    expect(newcomer.cart.discounts.map((each) => each.promotionId)).toContain('first-order');
    await node.call('DELETE', '/v1/promotions/first-order');
  });

  it('names what an offer gives, hydrated for a banner when asked: the gift’s card and price', async () => {
    await put('free-tote', {
      title: 'A free tote over £30',
      conditions: { subtotal: { gte: 3000 } },
      action: { type: 'gift', productId: 'tote' },
    });
    const offers = async (body: Record<string, unknown>) =>
      (
        (await node.call('POST', '/v1/offers', { body: { currency: 'GBP', ...body } })).json() as {
          offers: { promotionId: string; products?: Record<string, unknown>[] }[];
        }
      ).offers.find((offer) => offer.promotionId === 'free-tote');
    expect((await offers({}))?.products).toEqual([{ productId: 'tote' }]);
    const hydrated = await offers({ include: ['product', 'price'] });
    expect(hydrated?.products).toEqual([
      expect.objectContaining({
        productId: 'tote',
        product: expect.objectContaining({ title: expect.any(String), inStock: true }),
        price: expect.objectContaining({ final: { amount: 800, currency: 'GBP' } }),
      }),
    ]);
    // Decide hydrates by default, its offers too.
    const page = (
      await node.call('POST', '/v1/decide', { body: { currency: 'GBP', cart: { items: [] } } })
    ).json() as { offers: { promotionId: string; products?: { product?: unknown }[] }[] };
    const onPage = page.offers.find((offer) => offer.promotionId === 'free-tote');
    expect(onPage?.products?.[0]?.product).toBeDefined();
    await node.call('DELETE', '/v1/promotions/free-tote');
  });

  it('counts guests apart from each other: a per-customer limit never blocks the next guest', async () => {
    await put('guest-each', {
      title: 'Each',
      limits: { perCustomer: 1 },
      action: { type: 'amount_off', target: 'order', amount: 150 },
    });
    for (const orderId of ['guest-1', 'guest-2', 'guest-3']) {
      const placed = await order({ orderId, items: [{ productId: 'plate', quantity: 1 }] });
      expect(placed.status).toBe(200);
      expect(placed.json().discounts.map((each: { promotionId: string }) => each.promotionId)).toContain(
        'guest-each',
      );
    }
    await node.call('DELETE', '/v1/promotions/guest-each');
  });

  it('takes the same cart listed in another order as the same order', async () => {
    const items = [
      { productId: 'mug', quantity: 1 },
      { productId: 'plate', quantity: 2 },
    ];
    expect((await order({ orderId: 'ord-reordered', userId: 'r', items })).status).toBe(200);
    expect((await order({ orderId: 'ord-reordered', userId: 'r', items: [...items].reverse() })).status).toBe(
      200,
    );
  });

  it('counts an order once in the profile, whether it also arrives as a tracked Order Completed', async () => {
    await order({ orderId: 'ord-profile', userId: 'counted', items: [{ productId: 'mug', quantity: 1 }] });
    await node.call('POST', '/v1/track', {
      body: {
        userId: 'counted',
        event: 'Order Completed',
        properties: { order_id: 'ord-profile', total: 10, currency: 'GBP' },
      },
    });
    await order({ orderId: 'ord-profile', userId: 'counted', items: [{ productId: 'mug', quantity: 1 }] });
    await vi.waitFor(async () => {
      const profile = (await node.call('GET', '/v1/profiles/counted')).json();
      expect(profile.computed.orderCount).toBe(1);
    });
  });

  it('is for secret keys only', async () => {
    const response = await node.call('POST', '/v1/orders', {
      body: { orderId: 'pk-order', currency: 'GBP', items: [{ productId: 'mug', quantity: 1 }] },
      key: PUBLISHABLE_KEY,
    });
    expect(response.status).toBe(403);
  });
});
