import { describe, expect, it } from 'vitest';
import { orderCompleted, useApps, type AppFixture } from '../../../test/support/app-fixture.js';
import type { RecommendationQuery } from './recommendation-service.js';

const start = useApps();

async function shop(app: AppFixture): Promise<void> {
  await app.addProducts(
    { id: 'mug', categories: ['home/kitchen'] },
    { id: 'plate', categories: ['home/kitchen'] },
    { id: 'bowl', categories: ['home/kitchen'] },
    { id: 'lamp', categories: ['home/lighting'] },
  );
  await app.track(
    orderCompleted('c1', 'o1', ['mug', 'plate']),
    orderCompleted('c2', 'o2', ['mug', 'plate', 'bowl']),
    orderCompleted('c3', 'o3', ['mug', 'lamp']),
  );
}

const ask = async (
  app: AppFixture,
  query: Partial<RecommendationQuery> & Pick<RecommendationQuery, 'strategy'>,
  userId?: string,
) =>
  app.recommendations.recommend(
    { limit: 10, ...query },
    await app.customer(userId === undefined ? {} : { userId }),
  );
const ids = (answer: { items: readonly { productId: string }[] }) =>
  answer.items.map((item) => item.productId);

describe('RecommendationService.recommend', () => {
  it('answers from what the node has learnt, each item with its reason', async () => {
    const app = await start();
    await shop(app);
    const together = await ask(app, { strategy: 'bought-together', productId: 'mug' });
    expect(together.items[0]).toMatchObject({ productId: 'plate', reason: 'bought with mug' });
    expect(ids(together)).not.toContain('mug');
    expect(ids(await ask(app, { strategy: 'buy-again' }, 'c3')).sort()).toEqual(['lamp', 'mug']);
  });

  it('never recommends a product out of stock, and falls back to popular products for a newcomer', async () => {
    const app = await start();
    await shop(app);
    await app.catalog.setStock('plate', 0);
    expect(ids(await ask(app, { strategy: 'bought-together', productId: 'mug' }))).not.toContain('plate');
    const newcomer = await ask(app, { strategy: 'for-you' }, 'newcomer');
    expect(newcomer.fallback).toBe('popular');
    expect(newcomer.items[0]?.productId).toBe('mug');
  });

  it('uses nothing of a customer who refused personalisation', async () => {
    const app = await start();
    await shop(app);
    await app.profiles.setConsent('c3', { personalization: false }, true);
    // Exactly what an anonymous visitor gets.
    expect(await ask(app, { strategy: 'buy-again' }, 'c3')).toEqual(
      await ask(app, { strategy: 'buy-again' }),
    );
    expect(await ask(app, { strategy: 'for-you' }, 'c3')).toEqual(await ask(app, { strategy: 'for-you' }));
  });
});
