import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

// Decide keeps product cards and `similar` candidates between requests: each change below must
// still reach the very next answer.
let node: TestAttune;

const body = (title: string, category: string, amount: number) =>
  productBody({ title, categories: [category], price: { amount, currency: 'GBP' } });

const PAGE = {
  userId: 'vera',
  cart: { items: [{ productId: 'plate', quantity: 1 }] },
  listing: { category: 'home', limit: 24 },
  recommendations: [{ slot: 'pdp-similar', strategy: 'similar', productId: 'mug', limit: 4 }],
};

interface Item {
  productId: string;
  product?: { title: string; inStock: boolean };
  price?: { final: { amount: number } };
  reason?: string;
}

async function decide(): Promise<{
  listing: { items: Item[] };
  cart: { lines: Item[] };
  recommendations: Record<string, { items: Item[] }>;
}> {
  const response = await node.call('POST', '/v1/decide', { body: PAGE });
  expect(response.status).toBe(200);
  return response.json();
}

const listed = (answer: Awaited<ReturnType<typeof decide>>, productId: string) =>
  answer.listing.items.find((item) => item.productId === productId);

beforeAll(async () => {
  node = await startTestAttune();
  await node.call('POST', '/v1/products:batch', {
    body: {
      items: [
        { id: 'mug', ...body('Mug', 'home/kitchen', 800) },
        { id: 'plate', ...body('Plate', 'home/kitchen', 600) },
        { id: 'candle', ...body('Candle', 'home/candles', 300) },
        { id: 'vase', ...body('Vase', 'home/decor', 1200) },
        // Shares no word with the mug: only browsing can relate the two.
        { id: 'spade', ...body('Spade', 'garden/tools', 1500) },
      ],
    },
  });
  await node.call('PUT', '/v1/segments/vip', {
    body: { name: 'VIP', rule: { trait: 'traits.plan', op: 'eq', value: 'vip' } },
  });
  await node.call('POST', '/v1/identify', { body: { userId: 'vera', traits: { plan: 'regular' } } });
  await decide();
});
afterAll(() => node.dispose());

describe('POST /v1/decide after a change', () => {
  it("shows a product's new title and stock at once, in the listing, the cart and recommendations", async () => {
    const before = await decide();
    expect(listed(before, 'plate')?.product?.title).toBe('Plate');
    expect(before.cart.lines[0]?.product).toMatchObject({ title: 'Plate', inStock: true });
    await node.call('PUT', '/v1/products/plate', { body: body('Dinner plate', 'home/kitchen', 600) });
    const renamed = await decide();
    expect(listed(renamed, 'plate')?.product?.title).toBe('Dinner plate');
    expect(renamed.cart.lines[0]?.product?.title).toBe('Dinner plate');
    const recommended = Object.values(renamed.recommendations).flatMap((answer) => answer.items);
    for (const item of recommended.filter((each) => each.productId === 'plate'))
      expect(item.product?.title).toBe('Dinner plate');
    await node.call('PUT', '/v1/inventory/plate', { body: { available: 0 } });
    expect((await decide()).cart.lines[0]?.product?.inStock).toBe(false);
    await node.call('PUT', '/v1/inventory/plate', { body: { available: 5 } });
    expect((await decide()).cart.lines[0]?.product?.inStock).toBe(true);
  });

  it('shows a new price list and a new segment at once', async () => {
    expect(listed(await decide(), 'mug')?.price?.final.amount).toBe(800);
    await node.call('PUT', '/v1/price-lists/vip-prices', {
      body: {
        type: 'sale',
        currency: 'GBP',
        audience: { segments: ['vip'] },
        rule: { percentOff: 10, match: {} },
      },
    });
    expect(listed(await decide(), 'mug')?.price?.final.amount).toBe(800);
    await node.call('POST', '/v1/identify', { body: { userId: 'vera', traits: { plan: 'vip' } } });
    expect(listed(await decide(), 'mug')?.price?.final.amount).toBe(720);
    await node.call('PUT', '/v1/price-lists/vip-prices', {
      body: {
        type: 'sale',
        currency: 'GBP',
        audience: { segments: ['vip'] },
        rule: { percentOff: 25, match: {} },
      },
    });
    expect(listed(await decide(), 'mug')?.price?.final.amount).toBe(600);
    await node.call('POST', '/v1/identify', { body: { userId: 'vera', traits: { plan: 'regular' } } });
    expect(listed(await decide(), 'mug')?.price?.final.amount).toBe(800);
  });

  it("shows what others' browsing teaches `similar` at once", async () => {
    const spadeIn = async () =>
      ((await decide()).recommendations['pdp-similar']?.items ?? []).find(
        (item) => item.productId === 'spade',
      );
    // It may fill the list as a popular product, never as one viewed with the mug.
    expect((await spadeIn())?.reason).not.toBe('viewed with Mug');
    for (const visitor of ['ann', 'bob', 'cat']) {
      for (const productId of ['mug', 'spade']) {
        const viewed = await node.call('POST', '/v1/track', {
          body: { userId: visitor, event: 'Product Viewed', properties: { product_id: productId } },
        });
        expect(viewed.status).toBeLessThan(300);
      }
    }
    expect(await spadeIn()).toMatchObject({ reason: 'viewed with Mug' });
    await node.call('PUT', '/v1/products/mug', { body: body('Big mug', 'home/kitchen', 800) });
    expect(await spadeIn()).toMatchObject({ reason: 'viewed with Big mug' });
  });
});
