import { describe, expect, it, vi } from 'vitest';
import { codeOf, useApps, type AppFixture } from '../../../test/support/app-fixture.js';

const start = useApps();

async function customer(app: AppFixture) {
  await app.track(
    { type: 'track', anonymousId: 'a1', event: 'Product Viewed', properties: { product_id: 'mug' } },
    { type: 'identify', userId: 'u1', anonymousId: 'a1', traits: { email: 'u1@example.com', country: 'GB' } },
    {
      type: 'track',
      userId: 'u1',
      event: 'Order Completed',
      properties: { order_id: 'o1', total: 12.5, currency: 'GBP' },
    },
  );
}

describe('ProfileService', () => {
  it('finds a profile by userId or anonymousId, and says which found it', async () => {
    const app = await start();
    await customer(app);
    const byUser = await app.profiles.get('u1');
    const byAnonymous = await app.profiles.get('a1');
    expect(byUser.profile.id).toBe(byAnonymous.profile.id);
    expect(byUser.foundBy).toEqual({ kind: 'user', value: 'u1' });
    expect(byAnonymous.foundBy).toEqual({ kind: 'anon', value: 'a1' });
    expect(await app.profiles.find('nobody')).toBeUndefined();
    expect(await codeOf(() => app.profiles.get('nobody'))).toBe('profile_not_found');
  });

  it('shows computed traits, segments and RFM once statistics are refreshed', async () => {
    const app = await start();
    await app.rules.segments.put('buyers', {
      name: 'Buyers',
      rule: { trait: 'computed.orderCount', op: 'gte', value: 1 },
    });
    await app.rules.backfill.idle();
    await customer(app);
    expect(app.profiles.view((await app.profiles.get('u1')).profile).computed.rfm).toBeNull();
    await app.statistics.refresh();
    const view = app.profiles.view((await app.profiles.get('u1')).profile);
    expect(view).toMatchObject({
      userId: 'u1',
      anonymousIds: ['a1'],
      segments: ['buyers'],
      computed: { orderCount: 1, lifetimeValue: { GBP: 1_250 }, recentlyViewed: ['mug'] },
    });
    expect(view.computed.rfm).not.toBeNull();
  });

  it('records a consent answer: as an audit event with analytics consent, on the profile alone without', async () => {
    const app = await start();
    await customer(app);
    const profileId = (await app.profiles.get('u1')).profile.id;
    const personalised = await app.profiles.setConsent('u1', { personalization: false }, true);
    expect(app.profiles.view(personalised.profile).consent).toMatchObject({
      personalization: false,
      analytics: true,
    });
    const events = await app.store.eventsOf(profileId);
    expect(events.map((stored) => stored.event.event)).toContain('Consent Updated');
    const refused = await app.profiles.setConsent('u1', { analytics: false }, true);
    expect(app.profiles.view(refused.profile).consent).toMatchObject({
      personalization: false,
      analytics: false,
    });
    expect(await app.store.eventsOf(profileId)).toHaveLength(events.length);
    expect((await app.store.getProfile(profileId))?.profile.consent).toMatchObject({
      analytics: expect.objectContaining({ granted: false }),
    });
  });

  it('exports everything held about a customer', async () => {
    const app = await start();
    await customer(app);
    const exported = await app.profiles.export('u1');
    expect(exported).toMatchObject({
      identities: { userId: 'u1', anonymousIds: ['a1'] },
      profile: { traits: { email: 'u1@example.com' } },
      orders: [expect.objectContaining({ orderId: 'o1' })],
    });
    expect(exported.events).toHaveLength(3);
    expect(await codeOf(() => app.profiles.export('a1'))).toBe('profile_not_found');
  });

  it('erases a customer: profile, ids, events and orders, tells modules and nodes, and refuses replays', async () => {
    const app = await start();
    await customer(app);
    const profileId = (await app.profiles.get('u1')).profile.id;
    const erased: string[] = [];
    app.profiles.onErased(({ profileId: id, events }) => {
      erased.push(id);
      expect(events).toHaveLength(3);
    });
    const receipt = await app.profiles.erase('u1');
    expect(receipt).toMatchObject({ userId: 'u1', removed: { profiles: 1, events: 3, orders: 1 } });
    expect(erased).toEqual([profileId]);
    expect(app.published('erasures')).toEqual([
      {
        origin: app.nodeId,
        profileId,
        identities: [
          { kind: 'user', value: 'u1' },
          { kind: 'anon', value: 'a1' },
        ],
      },
    ]);
    expect(await app.store.getProfile(profileId)).toBeUndefined();
    expect(await app.store.countEvents()).toBe(0);
    expect(await app.profiles.find('u1')).toBeUndefined();
    expect(await app.profiles.find('a1')).toBeUndefined();
    // An old event of the customer, sent again, does not bring them back.
    await app.track({
      type: 'track',
      anonymousId: 'a1',
      event: 'Product Viewed',
      properties: { product_id: 'mug' },
      timestamp: new Date(app.clock.now() - 60_000).toISOString(),
    });
    expect(await app.profiles.find('a1')).toBeUndefined();
    expect(await codeOf(() => app.profiles.erase('u1'))).toBe('profile_not_found');
  });

  it("drops an erased customer from another node's memory", async () => {
    const app = await start();
    const other = await start({ sharedWith: app });
    await customer(app);
    await other.profiles.get('u1'); // now in the other node's cache
    await app.profiles.erase('u1');
    await vi.waitFor(async () => expect(await other.profiles.find('u1')).toBeUndefined());
  });
});
