import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

const clock = new ManualClock('2026-06-15T12:00:00.000Z');
let node: TestAttune;

const TITLES: Record<string, string> = {
  heart: 'White Hanging Heart T-Light Holder',
  lantern: 'White Metal Lantern',
  tealights: 'Box Of 24 Tealights',
  candle: 'Pink Pillar Candle',
  mug: 'Red Spotty Mug',
};

const product = (id: string, category: string, amount: number) => ({
  id,
  ...productBody({
    title: TITLES[id],
    handle: id,
    images: [{ url: `/demo/images/${category.replace('/', '-')}-white.svg` }],
    categories: [category],
    price: { amount, currency: 'GBP' },
  }),
});

/** A product page: the product, similar and bought-together lists, the cart, offers and content. */
const PAGE = {
  userId: 'paula',
  context: { channel: 'web', page: { type: 'product' } },
  product: { productId: 'heart' },
  cart: { items: [{ productId: 'mug', quantity: 1 }] },
  recommendations: [
    { slot: 'pdp-similar', strategy: 'similar', limit: 3 },
    { slot: 'pdp-together', strategy: 'bought-together', limit: 3 },
  ],
  content: ['pdp-banner'],
};

const decide = (body: Record<string, unknown>) =>
  node.call('POST', '/v1/decide', { body: { ...PAGE, ...body } });

interface Item {
  productId: string;
  reason?: string;
  reasonProductIds?: string[];
  product?: { title: string; images: { url: string; alt: string }[]; inStock: boolean };
  price?: { final: { amount: number } };
}

beforeAll(async () => {
  node = await startTestAttune({}, { clock });
  await node.call('POST', '/v1/products:batch', {
    body: {
      items: [
        product('heart', 'home/candles', 295),
        product('lantern', 'home/candles', 850),
        product('tealights', 'home/candles', 125),
        product('candle', 'home/candles', 395),
        product('mug', 'kitchen/mugs', 250),
      ],
    },
  });
  // A product stored before images and handles existed still answers, with no images.
  await node.call('PUT', '/v1/products/plain', {
    body: productBody({ title: 'Plain Candle', price: { amount: 100, currency: 'GBP' } }),
  });
  for (const [index, basket] of [
    ['heart', 'tealights'],
    ['heart', 'tealights', 'lantern'],
    ['heart', 'lantern'],
  ].entries()) {
    await node.call('POST', '/v1/track', {
      body: {
        userId: `buyer-${index}`,
        event: 'Order Completed',
        properties: {
          order_id: `o-${index}`,
          products: basket.map((id) => ({ product_id: id, price: 3 })),
        },
      },
    });
  }
  await node.call('PUT', '/v1/promotions/candles-10', {
    body: {
      title: '10% off candles',
      conditions: {},
      action: { type: 'percent_off', target: 'items', match: { categories: ['home/candles'] }, percent: 10 },
    },
  });
  await node.call('PUT', '/v1/content/slots/pdp-banner', {
    body: { variants: [{ id: 'default', payload: { text: 'Free delivery over £20' } }] },
  });
});
afterAll(() => node.dispose());

describe('a product page in one decide call', () => {
  it('answers the product, its lists, the cart, offers and content, every item with title, image and price', async () => {
    const response = await decide({});
    expect(response.status).toBe(200);
    const answer = response.json();
    expect(answer.product).toMatchObject({
      productId: 'heart',
      product: {
        title: TITLES['heart'],
        handle: 'heart',
        images: [{ url: '/demo/images/home-candles-white.svg', alt: TITLES['heart'] }],
        inStock: true,
      },
      price: { final: { amount: 295, currency: 'GBP' } },
      offers: [{ promotionId: 'candles-10' }],
    });
    expect(answer.content['pdp-banner']).toMatchObject({ variantId: 'default' });
    expect(answer.offers).toEqual(
      expect.arrayContaining([expect.objectContaining({ promotionId: 'candles-10' })]),
    );
    const items: Item[] = [
      ...answer.recommendations['pdp-similar'].items,
      ...answer.recommendations['pdp-together'].items,
      ...answer.cart.lines,
    ];
    expect(answer.recommendations['pdp-together'].items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.product?.title).toBe(item.productId === 'plain' ? 'Plain Candle' : TITLES[item.productId]);
      if (item.productId !== 'plain') expect(item.product?.images[0]?.url).toMatch(/^\/demo\/images\//);
    }
    for (const item of [
      ...answer.recommendations['pdp-similar'].items,
      ...answer.recommendations['pdp-together'].items,
    ] as Item[]) {
      expect(item.price?.final.amount).toBeGreaterThan(0);
      expect(item.reason).not.toMatch(/\bheart\b/);
    }
    expect(answer.cart.lines[0].unitPrice).toEqual({ amount: 250, currency: 'GBP' });
  });

  it('says why in words, with the products named by title and their ids beside', async () => {
    const answer = (await decide({})).json();
    const together: Item = answer.recommendations['pdp-together'].items[0];
    expect(together.reason).toContain(TITLES['heart']);
    expect(together.reasonProductIds).toEqual(['heart']);
  });

  it('answers ids only when the page asks for nothing more, and stays as small as before', async () => {
    const hydrated = await decide({});
    const bare = await decide({ include: [] });
    const item: Item = bare.json().recommendations['pdp-together'].items[0];
    expect(item).not.toHaveProperty('product');
    expect(item).not.toHaveProperty('price');
    expect(item.reason).toContain('heart');
    expect(bare.json().cart.lines[0]).not.toHaveProperty('product');
    expect(bare.body.length).toBeLessThan(hydrated.body.length);
  });

  it('hydrates recommendations and listings on their own routes when asked', async () => {
    const recs = await node.call('POST', '/v1/recommendations', {
      body: { strategy: 'bought-together', productId: 'heart', limit: 2, include: ['product', 'price'] },
    });
    expect(recs.status).toBe(200);
    const [first] = recs.json().items as Item[];
    expect(first?.product?.title).toBe(TITLES[first?.productId ?? '']);
    expect(first?.price?.final.amount).toBeGreaterThan(0);
    const bare = (
      await node.call('POST', '/v1/recommendations', {
        body: { strategy: 'bought-together', productId: 'heart', limit: 2 },
      })
    ).json();
    expect(bare.items[0]).not.toHaveProperty('product');
    const listing = await node.call('POST', '/v1/listings', {
      body: { category: 'home', limit: 10, include: ['product'] },
    });
    expect(listing.status).toBe(200);
    for (const item of listing.json().items as Item[]) expect(item.product?.title).toBeDefined();
  });

  it('refuses image URLs that are not http(s) or root-relative, and handles that are not slugs', async () => {
    for (const [images, handle, pointer] of [
      [[{ url: 'javascript:alert(1)' }], 'ok', '/images/0/url'],
      [[{ url: '//elsewhere.example/x.png' }], 'ok', '/images/0/url'],
      [[], 'Not A Slug', '/handle'],
    ] as const) {
      const response = await node.call('PUT', '/v1/products/bad', {
        body: productBody({ images, handle }),
      });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.json())).toContain(pointer);
    }
  });
});
