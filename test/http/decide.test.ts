import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { PUBLISHABLE_KEY, productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

const clock = new ManualClock('2026-06-15T12:00:00.000Z');
let node: TestAttune;

const product = (id: string, category: string, amount: number) => ({
  id,
  ...productBody({ title: `${id} ${category}`, categories: [category], price: { amount, currency: 'GBP' } }),
});

const PAGE = {
  context: { channel: 'web', device: 'mobile', country: 'GB', page: { type: 'category', category: 'home' } },
  cart: { items: [{ productId: 'mug', quantity: 2 }] },
  listing: { category: 'home', query: null, limit: 24, cursor: null },
  recommendations: [
    { slot: 'pdp-similar', strategy: 'similar', productId: 'mug', limit: 4 },
    { slot: 'for-you', strategy: 'for-you', limit: 4 },
  ],
  content: ['home-hero'],
};

const decide = (body: Record<string, unknown>, key?: string, headers?: Record<string, string>) =>
  node.call('POST', '/v1/decide', {
    body: { ...PAGE, ...body },
    ...(key !== undefined && { key }),
    ...(headers !== undefined && { headers }),
  });

beforeAll(async () => {
  node = await startTestAttune({}, { clock });
  await node.call('POST', '/v1/products:batch', {
    body: {
      items: [
        product('mug', 'home/kitchen', 800),
        product('plate', 'home/kitchen', 600),
        product('candle', 'home/candles', 300),
        product('tealight', 'home/candles', 200),
      ],
    },
  });
  await node.call('PUT', '/v1/segments/vip', {
    body: { name: 'VIP', rule: { trait: 'traits.plan', op: 'eq', value: 'vip' } },
  });
  await node.call('POST', '/v1/identify', { body: { userId: 'vera', traits: { plan: 'vip' } } });
  for (let index = 0; index < 4; index += 1) {
    await node.call('POST', '/v1/track', {
      body: { userId: 'vera', event: 'Product Viewed', properties: { product_id: 'candle' } },
    });
  }
  await node.call('POST', '/v1/track', {
    body: {
      userId: 'vera',
      event: 'Order Completed',
      properties: { order_id: 'v-1', products: [{ product_id: 'candle', price: 3 }] },
    },
  });
  await node.call('PUT', '/v1/price-lists/vip-prices', {
    body: {
      type: 'sale',
      currency: 'GBP',
      audience: { segments: ['vip'] },
      rule: { percentOff: 10, match: {} },
    },
  });
  await node.call('PUT', '/v1/promotions/free-ship', {
    body: {
      title: 'Free shipping over 20',
      conditions: { subtotal: { gte: 2000 } },
      action: { type: 'free_shipping' },
    },
  });
  await node.call('PUT', '/v1/content/slots/home-hero', {
    body: {
      variants: [
        { id: 'welcome', payload: { title: 'Welcome' } },
        { id: 'vip', audience: { segments: ['vip'] }, payload: { title: 'Welcome back' } },
      ],
    },
  });
  await node.call('POST', '/v1/recommendations/models:rebuild');
});
afterAll(() => node.dispose());

describe('POST /v1/decide', () => {
  it('answers the whole page in the documented shape, personalised for the customer', async () => {
    const response = await decide({ userId: 'vera' });
    expect(response.status).toBe(200);
    const answer = response.json();
    expect(answer).toMatchObject({
      decisionId: expect.stringMatching(/^dec_/),
      personalized: true,
      customer: { segments: ['vip'] },
      listing: { nextCursor: null },
      recommendations: {
        'pdp-similar': { strategy: 'similar' },
        'for-you': { strategy: 'for-you' },
      },
      content: {
        'home-hero': { variantId: 'vip', payload: { title: 'Welcome back' }, reason: 'segment vip' },
      },
      cart: { lines: [{ productId: 'mug', quantity: 2 }] },
      offers: [{ promotionId: 'free-ship', missing: { amount: { amount: 560, currency: 'GBP' } } }],
      experiments: [],
    });
    expect(answer.listing.items[0]).toMatchObject({
      productId: 'candle',
      reasons: ['affinity: home/candles', 'popular'],
    });
    expect(answer.recommendations['pdp-similar'].items[0].productId).toBe('plate');
    expect(
      answer.recommendations['pdp-similar'].items.map((item: { productId: string }) => item.productId),
    ).not.toContain('mug');
  });

  it('shows in the listing the unit price the cart charges', async () => {
    const answer = (await decide({ userId: 'vera' })).json();
    const listed = answer.listing.items.find((item: { productId: string }) => item.productId === 'mug');
    expect(listed.price.final).toEqual({ amount: 720, currency: 'GBP' });
    expect(answer.cart.lines[0].unitPrice).toEqual(listed.price.final);
  });

  it('answers exactly as for a visitor without consent or proof of who is asking', async () => {
    const visitor = (await decide({})).json();
    expect(visitor.personalized).toBe(false);
    const asAnyone = (await decide({ userId: 'vera' }, PUBLISHABLE_KEY)).json();
    await node.call('PUT', '/v1/profiles/vera/consent', {
      body: { personalization: false, analytics: true },
    });
    const withoutConsent = (await decide({ userId: 'vera' })).json();
    await node.call('PUT', '/v1/profiles/vera/consent', { body: { personalization: true, analytics: true } });
    for (const answer of [asAnyone, withoutConsent]) {
      expect(answer.personalized).toBe(false);
      const { decisionId: _a, ...rest } = answer;
      const { decisionId: _b, ...expected } = visitor;
      expect(rest).toEqual(expected);
    }
    const token = (await node.call('POST', '/v1/customer-tokens', { body: { userId: 'vera' } })).json().token;
    const proven = (await decide({ userId: 'vera' }, PUBLISHABLE_KEY, { 'x-customer-token': token })).json();
    expect(proven.personalized).toBe(true);
  });

  it('records the decision for attribution, off the answer’s path', async () => {
    const { decisionId } = (await decide({ userId: 'vera' })).json();
    await vi.waitFor(async () => expect(await node.store.getDecision(decisionId)).toBeDefined(), {
      timeout: 5_000,
    });
    const recorded = await node.store.getDecision(decisionId);
    expect(JSON.parse(recorded?.shown as string)).toMatchObject({
      listing: ['candle', 'tealight', 'mug', 'plate'],
      content: { 'home-hero': 'vip' },
    });
  });

  it('reports a cart it cannot evaluate inside the answer, and refuses malformed requests', async () => {
    const response = await decide({ cart: { items: [{ productId: 'gone', quantity: 1 }] } });
    const answer = response.json();
    expect(answer.cart.error.code).toBe('cart_item_unavailable');
    expect(answer.listing.items.length).toBeGreaterThan(0);
    const bad = await decide({ recommendations: [{ slot: 'x', strategy: 'psychic', limit: 3 }] });
    expect(bad.status).toBe(400);
    expect(bad.json().pointer).toBe('/recommendations/0/strategy');
  });
});
