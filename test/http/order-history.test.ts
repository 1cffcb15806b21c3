import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOTH_STORES } from '../support/both-stores.js';
import { PUBLISHABLE_KEY, productBody, type TestAttune } from '../support/test-attune.js';

const order = (orderId: string, customer: Record<string, string>, quantity = 1) => ({
  orderId,
  ...customer,
  currency: 'GBP',
  items: [{ productId: 'mug', quantity }],
});

describe.each(BOTH_STORES)('reading orders back on $name', ({ available, start }) => {
  let node: TestAttune;
  beforeAll(async () => {
    if (!available) return;
    node = await start();
    expect(
      (
        await node.call('PUT', '/v1/products/mug', {
          body: productBody({ price: { amount: 500, currency: 'GBP' } }),
        })
      ).status,
    ).toBe(201);
    for (const [orderId, customer, quantity] of [
      ['o-1', { userId: 'ann' }, 1],
      ['o-2', { anonymousId: 'guest-7' }, 2],
      ['o-3', { userId: 'ann' }, 3],
      ['o-4', { userId: 'ann' }, 4],
      ['o-5', { userId: 'bob' }, 5],
    ] as const) {
      expect(
        (await node.call('POST', '/v1/orders', { body: order(orderId, customer, quantity) })).status,
      ).toBe(200);
    }
  });
  afterAll(() => node?.dispose());

  it.skipIf(!available)('answers one order as it was recorded, with when it was placed', async () => {
    const response = await node.call('GET', '/v1/orders/o-3');
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ orderId: 'o-3', total: { amount: 1500, currency: 'GBP' } });
    expect(Date.parse(response.json().placedAt)).not.toBeNaN();
    expect((await node.call('GET', '/v1/orders/o-404')).json()).toMatchObject({
      status: 404,
      code: 'order_not_found',
    });
  });

  it.skipIf(!available)("pages through one customer's orders, newest first, and no one else's", async () => {
    const first = (await node.call('GET', '/v1/orders?userId=ann&limit=2')).json();
    expect(first.items.map((item: { orderId: string }) => item.orderId)).toEqual(['o-4', 'o-3']);
    const second = (
      await node.call('GET', `/v1/orders?userId=ann&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((item: { orderId: string }) => item.orderId)).toEqual(['o-1']);
    expect(second.nextCursor).toBeNull();
    const guest = (await node.call('GET', '/v1/orders?anonymousId=guest-7')).json();
    expect(guest.items.map((item: { orderId: string }) => item.orderId)).toEqual(['o-2']);
    expect((await node.call('GET', '/v1/orders?userId=nobody')).json()).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it.skipIf(!available)(
    'refuses a list without a customer, a forged cursor and a publishable key',
    async () => {
      expect((await node.call('GET', '/v1/orders')).json()).toMatchObject({
        code: 'missing_field',
        in: 'query',
      });
      const forged = Buffer.from(JSON.stringify({ after: 'yesterday' })).toString('base64url');
      expect((await node.call('GET', `/v1/orders?userId=ann&cursor=${forged}`)).json()).toMatchObject({
        code: 'invalid_cursor',
      });
      expect((await node.call('GET', '/v1/orders/o-1', { key: PUBLISHABLE_KEY })).status).toBe(403);
    },
  );

  it.skipIf(!available)('forgets the orders of an erased customer', async () => {
    expect((await node.call('DELETE', '/v1/profiles/bob')).status).toBeLessThan(300);
    expect((await node.call('GET', '/v1/orders/o-5')).status).toBe(404);
    expect((await node.call('GET', '/v1/orders?userId=bob')).json().items).toEqual([]);
  });
});
