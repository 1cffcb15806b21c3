import { describe, expect, it } from 'vitest';
import { orderCompleted, useApps, type AppFixture } from '../../../test/support/app-fixture.js';
import { FOR_YOU_MEMO_MS } from './for-you-memo.js';
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

describe('RecommendationService.recommend, for-you between a customer’s own events', () => {
  it('answers a customer’s own new event at once', async () => {
    const app = await start();
    await shop(app);
    const before = await ask(app, { strategy: 'for-you' }, 'c3');
    expect(await ask(app, { strategy: 'for-you' }, 'c3')).toEqual(before);
    await app.track(orderCompleted('c3', 'o4', ['bowl']));
    const after = await ask(app, { strategy: 'for-you' }, 'c3');
    expect(after).not.toEqual(before);
    expect(after.items.find((item) => item.productId === 'bowl')?.reason).toBe('you bought this before');
  });

  it('shows a product gone from stock, or leaving the catalogue, at once', async () => {
    const app = await start();
    await shop(app);
    const first = ids(await ask(app, { strategy: 'for-you' }, 'c3'));
    expect(first).toContain('plate');
    await app.catalog.setStock('plate', 0);
    expect(ids(await ask(app, { strategy: 'for-you' }, 'c3'))).not.toContain('plate');
    await app.catalog.setStock('plate', 5);
    expect(ids(await ask(app, { strategy: 'for-you' }, 'c3'))).toContain('plate');
    await app.addProducts({ id: 'plate', categories: ['home/kitchen'], status: 'archived' });
    expect(ids(await ask(app, { strategy: 'for-you' }, 'c3'))).not.toContain('plate');
  });

  it('learns other customers’ events at most FOR_YOU_MEMO_MS late', async () => {
    const app = await start();
    await shop(app);
    const before = await ask(app, { strategy: 'for-you' }, 'c1');
    // Others now buy the lamp with what c1 bought: it becomes what customers like c1 buy.
    await app.track(
      orderCompleted('c4', 'o5', ['mug', 'plate', 'lamp']),
      orderCompleted('c5', 'o6', ['mug', 'plate', 'lamp']),
      orderCompleted('c6', 'o7', ['plate', 'lamp']),
    );
    expect(await ask(app, { strategy: 'for-you' }, 'c1')).toEqual(before);
    app.clock.advance(FOR_YOU_MEMO_MS);
    const after = await ask(app, { strategy: 'for-you' }, 'c1');
    expect(after).not.toEqual(before);
  });
});
