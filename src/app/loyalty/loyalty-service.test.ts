import { describe, expect, it, vi } from 'vitest';
import { codeOf, useApps, type AppFixture } from '../../../test/support/app-fixture.js';

const start = useApps();

const program = {
  currency: 'GBP',
  pointsPerUnit: 1,
  tiers: [
    { id: 'member', perks: {} },
    { id: 'gold', minPoints: 50, perks: { percentOff: 5 } },
  ],
};

const order = (userId: string, orderId: string, total: number) => ({
  type: 'track',
  userId,
  event: 'Order Completed',
  properties: { order_id: orderId, total, currency: 'GBP' },
});

const loyaltyOf = async (app: AppFixture, userId: string) =>
  app.profiles.view((await app.profiles.get(userId)).profile).loyalty;

describe('LoyaltyService', () => {
  it("recomputes every customer's points and tier from their order history when a program is set", async () => {
    const app = await start();
    await app.track(order('big', 'o1', 40), order('big', 'o2', 30.5), order('small', 'o3', 9.99));
    await app.track({
      type: 'track',
      userId: 'big',
      event: 'Order Refunded',
      properties: { order_id: 'o2', total: 30.5, currency: 'GBP' },
    });
    expect(await loyaltyOf(app, 'big')).toMatchObject({ points: 0 });

    await app.rules.loyalty.put(program);
    await app.rules.backfill.idle();
    expect(await loyaltyOf(app, 'big')).toMatchObject({ points: 40, tier: 'member' });
    expect(await loyaltyOf(app, 'small')).toMatchObject({ points: 9, tier: 'member' });
    expect((await app.rules.loyalty.get())?.backfill).toMatchObject({ status: 'done', processed: 2 });
    expect(app.published('loyalty')).toEqual([{ origin: app.nodeId }]);
  });

  it('earns points on each new order, and announces a tier change to webhooks', async () => {
    const app = await start();
    await app.rules.loyalty.put(program);
    await app.rules.webhooks.put({
      id: 'tiers',
      url: 'https://hooks.example/tiers',
      events: ['loyalty.tier_changed'],
      secret: `whsec_${Buffer.alloc(24, 7).toString('base64')}`,
    });
    await app.rules.backfill.idle();
    await app.track(order('u1', 'o1', 30));
    expect(await loyaltyOf(app, 'u1')).toMatchObject({ points: 30, tier: 'member' });
    await app.track(order('u1', 'o2', 25));
    expect(await loyaltyOf(app, 'u1')).toMatchObject({ points: 55, tier: 'gold' });
    const messages = await app.store.outboxOf('tiers');
    const changes = messages.map((message) => JSON.parse(message.payload).data);
    expect(changes).toContainEqual(
      expect.objectContaining({ userId: 'u1', from: 'member', to: 'gold', points: 55 }),
    );
  });

  it('refuses an invalid program and keeps the one in force', async () => {
    const app = await start();
    await app.rules.loyalty.put(program);
    const invalid = { ...program, tiers: [...program.tiers, { id: 'gold', perks: {} }] };
    expect(await codeOf(() => app.rules.loyalty.put(invalid))).toBe('invalid_loyalty_program');
    expect(app.inForce.loyalty.program()?.tiers.map((tier) => tier.id)).toEqual(['member', 'gold']);
    expect((await app.rules.loyalty.get())?.tiers).toEqual(program.tiers);
  });

  it("follows another node's program, and reads it on start", async () => {
    const app = await start();
    const other = await start({ sharedWith: app });
    expect(app.inForce.loyalty.program()).toBeUndefined();
    expect(await app.rules.loyalty.get()).toBeUndefined();
    await other.rules.loyalty.put(program);
    await vi.waitFor(() => expect(app.inForce.loyalty.program()?.tiers).toHaveLength(2));
    await other.rules.backfill.idle();
    const restarted = await start({ sharedWith: app });
    expect(restarted.inForce.loyalty.program()?.pointsPerUnit).toBe(1);
  });
});
