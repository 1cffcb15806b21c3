import { expect, vi } from 'vitest';
import { orderCompleted, type AppFixture } from './app-fixture.js';

export const CUSTOMERS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
export const PRODUCTS = ['a', 'b', 'c', 'd', 'e', 'f'];

/** A small shop with orders, views, a loyalty program and two segments (one a time window). */
export async function shop(app: AppFixture): Promise<void> {
  await app.addProducts(...PRODUCTS.map((id) => ({ id })));
  await app.rules.loyalty.put({
    currency: 'GBP',
    pointsPerUnit: 1,
    tiers: [
      { id: 'member', perks: {} },
      { id: 'gold', minPoints: 12, perks: { percentOff: 5 } },
    ],
  });
  await app.rules.segments.put('buyers', {
    name: 'Buyers',
    rule: { trait: 'computed.orderCount', op: 'gte', value: 2 },
  });
  await app.rules.segments.put('browsers', {
    name: 'Browsers',
    rule: { event: 'Product Viewed', within: '7d', count: { gte: 2 } },
  });
  await app.track(
    orderCompleted('u1', 'o1', ['a', 'b']),
    orderCompleted('u2', 'o2', ['a', 'b', 'c']),
    orderCompleted('u2', 'o3', ['c', 'd']),
    orderCompleted('u3', 'o4', ['b', 'c']),
    orderCompleted('u4', 'o5', ['e', 'f', 'a']),
    orderCompleted('u4', 'o6', ['e']),
    orderCompleted('u4', 'o7', ['f', 'b']),
  );
  await app.track(
    ...['d', 'e', 'a', 'f', 'c'].flatMap((productId, index) =>
      CUSTOMERS.slice(index % 3).map((userId) => ({
        type: 'track',
        userId,
        event: 'Product Viewed',
        properties: { product_id: productId },
      })),
    ),
  );
  await vi.waitFor(async () => {
    for (const id of ['buyers', 'browsers'])
      expect((await app.rules.segments.get(id)).backfill?.status).toBe('done');
  });
}

/** What a node answers about each customer: recommendations of every kind, segments and loyalty. */
export async function answers(app: AppFixture) {
  const seen: Record<string, unknown> = {};
  for (const userId of CUSTOMERS) {
    const customer = await app.customer({ userId });
    const ask = async (query: Parameters<AppFixture['recommendations']['recommend']>[0]) =>
      (await app.recommendations.recommend(query, customer)).items.map(({ productId, reason }) => [
        productId,
        reason,
      ]);
    seen[userId] = {
      segments: [...customer.segments].sort(),
      loyalty: app.profiles.view((await app.profiles.get(userId)).profile).loyalty,
      forYou: await ask({ strategy: 'for-you', limit: 5 }),
      discovery: await ask({ strategy: 'for-you', limit: 5, filter: { excludePurchased: true } }),
      buyAgain: await ask({ strategy: 'buy-again', limit: 5 }),
      recentlyViewed: await ask({ strategy: 'recently-viewed', limit: 5 }),
    };
  }
  for (const productId of PRODUCTS) {
    const anyone = await app.customer({});
    const lists: string[][] = [];
    for (const strategy of ['similar', 'bought-together'] as const)
      lists.push(
        (await app.recommendations.recommend({ strategy, productId, limit: 5 }, anyone)).items.map(
          (item) => item.productId,
        ),
      );
    seen[productId] = lists;
  }
  seen['popular'] = (
    await app.recommendations.recommend({ strategy: 'popular', limit: 6 }, await app.customer({}))
  ).items.map((item) => item.productId);
  return seen;
}
