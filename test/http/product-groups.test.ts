import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

/** Variants of one product (sizes, colours) share a groupId: every list shows the group as one card. */
let node: TestAttune;

const product = (id: string, title: string, groupId?: string) => ({
  id,
  ...productBody({
    title,
    categories: ['home/kitchen'],
    price: { amount: 500, currency: 'GBP' },
    ...(groupId !== undefined && { groupId }),
  }),
});

interface Card {
  productId: string;
  product?: { groupId?: string; variants?: { productId: string; title: string; inStock: boolean }[] };
}

beforeAll(async () => {
  node = await startTestAttune();
  await node.call('POST', '/v1/products:batch', {
    body: {
      items: [
        product('mug-red', 'Spotty Mug, red', 'spotty-mug'),
        product('mug-blue', 'Spotty Mug, blue', 'spotty-mug'),
        product('mug-green', 'Spotty Mug, green', 'spotty-mug'),
        product('plate', 'Spotty Plate'),
        product('bowl', 'Spotty Bowl'),
      ],
    },
  });
  // Every product bought by someone, the mugs most: all of them popular.
  const baskets = [
    ['mug-red', 'mug-blue', 'mug-green', 'plate'],
    ['mug-blue', 'mug-red', 'bowl'],
    ['mug-green'],
  ];
  for (const [index, basket] of baskets.entries()) {
    await node.call('POST', '/v1/track', {
      body: {
        userId: `buyer-${index}`,
        event: 'Order Completed',
        properties: { order_id: `o-${index}`, products: basket.map((id) => ({ product_id: id, price: 5 })) },
      },
    });
  }
});
afterAll(() => node.dispose());

describe('one card per product group', () => {
  it('lists a group once, on every page of a listing, its card naming the other variants', async () => {
    const seen: Card[] = [];
    let cursor: string | null = null;
    do {
      const body: Record<string, unknown> = { category: 'home/kitchen', currency: 'GBP', limit: 2 };
      if (cursor !== null) body['cursor'] = cursor;
      const page = (
        await node.call('POST', '/v1/listings', { body: { ...body, include: ['product'] } })
      ).json() as {
        items: Card[];
        nextCursor: string | null;
      };
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    const ids = seen.map((card) => card.productId);
    expect(ids.filter((id) => id.startsWith('mug-'))).toHaveLength(1);
    expect(ids).toEqual(expect.arrayContaining(['plate', 'bowl']));
    const mug = seen.find((card) => card.productId.startsWith('mug-')) as Card;
    expect(mug.product?.groupId).toBe('spotty-mug');
    expect(mug.product?.variants?.map((variant) => variant.productId)).toEqual(
      ['mug-blue', 'mug-green', 'mug-red'].filter((id) => id !== mug.productId),
    );
    expect(mug.product?.variants?.[0]).toMatchObject({
      title: expect.stringMatching(/^Spotty Mug/),
      inStock: true,
    });
  });

  it('recommends a group once, and not at all beside one of its own variants or in the cart', async () => {
    const popular = (
      await node.call('POST', '/v1/recommendations', {
        body: { strategy: 'popular', limit: 5, currency: 'GBP' },
      })
    ).json() as { items: Card[] };
    expect(popular.items.filter((item) => item.productId.startsWith('mug-'))).toHaveLength(1);
    const beside = (
      await node.call('POST', '/v1/recommendations', {
        body: { strategy: 'bought-together', productId: 'mug-red', limit: 5, currency: 'GBP' },
      })
    ).json() as { items: Card[] };
    expect(beside.items.map((item) => item.productId)).not.toContain('mug-blue');
    expect(beside.items.map((item) => item.productId)).not.toContain('mug-green');
    expect(beside.items.map((item) => item.productId)).toContain('plate');
  });
});
