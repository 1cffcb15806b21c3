import { describe, expect, it, vi } from 'vitest';
import { orderCompleted, useApps } from '../../../test/support/app-fixture.js';

const start = useApps();

describe('lessons relayed between nodes', () => {
  it("learns another node's events at once, without a rebuild", async () => {
    const app = await start();
    const other = await start({ sharedWith: app });
    await other.addProducts({ id: 'spoon' }, { id: 'lamp' });
    await other.track(orderCompleted('c1', 'o1', ['spoon', 'lamp']));
    expect(other.published('recommendations.lessons')).toContainEqual(
      expect.objectContaining({
        origin: other.nodeId,
        lessons: [expect.objectContaining({ orderId: 'o1' })],
      }),
    );
    const together = async () =>
      app.recommendations.recommend(
        { strategy: 'bought-together', productId: 'spoon', limit: 5 },
        await app.customer({}),
      );
    await vi.waitFor(async () =>
      expect((await together()).items[0]).toMatchObject({ productId: 'lamp', reason: 'bought with spoon' }),
    );
  });

  it('learns each lesson once, whether it comes from the bus, the log or a second copy of the order', async () => {
    const app = await start();
    const other = await start({ sharedWith: app });
    await other.addProducts({ id: 'spoon' }, { id: 'lamp' });
    await other.track(orderCompleted('c1', 'o1', ['spoon', 'lamp']));
    await vi.waitFor(() => expect(app.recommendations.models.online.observed).toBe(2));
    // The same order under another messageId (the merchant's tracking and POST /v1/orders).
    await app.track({
      type: 'track',
      userId: 'c1',
      messageId: 'again',
      event: 'Order Completed',
      properties: {
        order_id: 'o1',
        products: [
          { product_id: 'spoon', price: 1 },
          { product_id: 'lamp', price: 1 },
        ],
      },
    });
    expect(app.recommendations.models.online.observed).toBe(2);
  });

  it("follows another node's merges: an identified visitor's views move to the customer", async () => {
    const app = await start();
    const other = await start({ sharedWith: app });
    await other.addProducts({ id: 'lamp' });
    await other.track({
      type: 'track',
      anonymousId: 'anon',
      event: 'Product Viewed',
      properties: { product_id: 'lamp' },
    });
    await other.track({ type: 'identify', userId: 'ada', anonymousId: 'anon' });
    const viewed = async () =>
      app.recommendations.recommend(
        { strategy: 'recently-viewed', limit: 5 },
        await app.customer({ userId: 'ada' }),
      );
    await vi.waitFor(async () =>
      expect((await viewed()).items.map((item) => item.productId)).toEqual(['lamp']),
    );
  });
});
