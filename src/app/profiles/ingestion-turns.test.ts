import { describe, expect, it } from 'vitest';
import { orderCompleted, useApps, type AppFixture } from '../../../test/support/app-fixture.js';
import { FairSlices, yieldToRequests } from '../yield-to-requests.js';
import { EventIngestion } from './event-ingestion.js';
import { createIdHasher } from './id-hasher.js';
import { IdentityVerification } from './identity-verification.js';
import { ProfileCache } from './profile-cache.js';

const start = useApps();

/** Twelve customers' visits: sign-ins, views and adds of six products, and an order each. */
function visits(): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  for (let customer = 0; customer < 12; customer += 1) {
    const userId = `u${customer}`;
    const anonymousId = `a${customer}`;
    events.push({ type: 'identify', userId, anonymousId, traits: { plan: customer % 2 ? 'pro' : 'free' } });
    for (let step = 0; step < 30; step += 1) {
      const productId = `p${(customer + step) % 6}`;
      events.push({
        type: 'track',
        anonymousId,
        event: step % 3 === 0 ? 'Product Added' : 'Product Viewed',
        properties: { product_id: productId, price: 5, quantity: 1 },
      });
    }
    events.push(orderCompleted(userId, `o${customer}`, [`p${customer % 6}`, `p${(customer + 1) % 6}`]));
  }
  return events;
}

/**
 * An ingestion on `app`'s store and rules that gives way at every chance (slices of 0 ms), and at
 * each turn asks the store how many events it holds, as a request waiting meanwhile would.
 */
function ingestionTakingEveryTurn(app: AppFixture, counts: Promise<number>[]): EventIngestion {
  const cache = new ProfileCache(10_000);
  return new EventIngestion({
    store: app.store,
    bus: app.bus,
    clock: app.clock,
    cache,
    currency: app.config.currency,
    consentDefault: app.config.consentDefault,
    nodeId: `${app.nodeId}-turns`,
    productFacts: (productId) => app.catalogModel.getProduct(productId),
    hashId: createIdHasher('test-salt'),
    onError: (error) => void app.errors.push(error),
    rules: app.inForce.profileRules,
    identity: new IdentityVerification({
      store: app.store,
      cache,
      verifyToken: () => Promise.resolve(undefined),
    }),
    newSlices: () =>
      new FairSlices({
        minMs: 0,
        maxMs: 0,
        yieldTo: async () => {
          counts.push(app.store.countEvents());
          await yieldToRequests();
        },
      }),
  });
}

const summary = async (app: AppFixture, userId: string) => {
  const { profile } = await app.profiles.get(userId);
  return {
    stats: profile.stats,
    traits: profile.traits,
    recentlyViewed: profile.recentlyViewed,
    categoryAffinity: profile.categoryAffinity,
    segments: profile.segments,
  };
};

describe('a batch that takes turns with requests', () => {
  it('gives way inside its transaction, shows none of its writes before the commit, and commits what one go would', async () => {
    const [sliced, whole] = [await start(), await start()];
    for (const app of [sliced, whole]) {
      await app.addProducts(...['p0', 'p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({ id })));
      await app.rules.segments.put('browsers', {
        name: 'Browsers',
        rule: { event: 'Product Viewed', within: '7d', count: { gte: 15 } },
      });
    }
    const counts: Promise<number>[] = [];
    const batch = visits();
    const answer = await ingestionTakingEveryTurn(sliced, counts).submit(batch, { fromServer: true });
    await whole.ingestion.submit(batch, { fromServer: true });

    expect(answer).toMatchObject({ accepted: batch.length, rejected: [] });
    // A turn between every event applied and every statement of the long writes.
    expect(counts.length).toBeGreaterThan(batch.length);
    // A reader during a turn waits for the commit: it never counts part of the batch.
    expect(new Set(await Promise.all(counts))).toEqual(new Set([batch.length]));
    for (const userId of ['u0', 'u5', 'u11'])
      expect(await summary(sliced, userId)).toEqual(await summary(whole, userId));
    expect((await sliced.profiles.get('u3')).profile.segments).toContain('browsers');
  });
});
