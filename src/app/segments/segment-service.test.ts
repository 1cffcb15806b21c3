import { describe, expect, it, vi } from 'vitest';
import { codeOf, domainErrorOf, useApps, type AppFixture } from '../../../test/support/app-fixture.js';

const start = useApps();
const DAY = 86_400_000;

const order = (userId: string, orderId: string) => ({
  type: 'track',
  userId,
  event: 'Order Completed',
  properties: { order_id: orderId, total: 10, currency: 'GBP' },
});
const isMember = async (app: AppFixture, segmentId: string, userId: string) =>
  (await app.profiles.get(userId)).profile.segments.includes(segmentId);

describe('SegmentService', () => {
  it('back-fills a new segment over existing profiles, reporting progress, and announces it', async () => {
    const app = await start();
    await app.track(order('a', 'o1'), order('b', 'o2'), { type: 'identify', userId: 'c' });
    const stored = await app.rules.segments.put('buyers', {
      name: 'Buyers',
      rule: { trait: 'computed.orderCount', op: 'gte', value: 1 },
    });
    expect(stored.version).toBe(1);
    expect(app.published('segments')).toEqual([{ origin: app.nodeId, id: 'buyers' }]);
    await app.rules.backfill.idle();
    const segment = await app.rules.segments.get('buyers');
    expect(segment).toMatchObject({ members: 2, backfill: { status: 'done', processed: 3 } });
    const members = await app.rules.segments.members('buyers', undefined, 10);
    expect(members.map((member) => member.userId).sort()).toEqual(['a', 'b']);
  });

  it('rebuilds what profiles remember when a new rule counts events they did not keep', async () => {
    const app = await start();
    const view = { type: 'track', userId: 'fan', event: 'Product Viewed', properties: { product_id: 'mug' } };
    await app.track(view, view);
    await app.rules.segments.put('browsers', {
      name: 'Browsers',
      rule: { event: 'Product Viewed', within: '7d', count: { gte: 2 } },
    });
    await app.rules.backfill.idle();
    expect(await isMember(app, 'browsers', 'fan')).toBe(true);
  });

  it('keeps membership current as events land, and queues a webhook message for each entry', async () => {
    const app = await start();
    await app.rules.webhooks.put({
      id: 'crm',
      url: 'https://crm.example/hooks',
      events: ['segment.entered', 'segment.exited'],
      secret: `whsec_${Buffer.alloc(24, 1).toString('base64')}`,
    });
    await app.rules.segments.put('vip', {
      name: 'VIP',
      rule: { trait: 'traits.vip', op: 'eq', value: true },
    });
    await app.rules.backfill.idle();
    await app.track({ type: 'identify', userId: 'u1', traits: { vip: true } });
    expect(await isMember(app, 'vip', 'u1')).toBe(true);
    await app.track({ type: 'identify', userId: 'u1', traits: { vip: false } });
    expect(await isMember(app, 'vip', 'u1')).toBe(false);
    const messages = (await app.store.outboxOf('crm')).map((message) => JSON.parse(message.payload));
    expect(messages.map((message) => [message.type, message.data.segmentId, message.data.userId])).toEqual([
      ['segment.entered', 'vip', 'u1'],
      ['segment.exited', 'vip', 'u1'],
    ]);
  });

  it('lets a time window lapse at its exact end, with no event', async () => {
    const app = await start();
    await app.rules.segments.put('frequent', {
      name: 'Frequent',
      rule: { event: 'Order Completed', within: '30d', count: { gte: 2 } },
    });
    await app.rules.backfill.idle();
    await app.track(order('u1', 'o1'));
    app.clock.advance(10 * DAY);
    await app.track(order('u1', 'o2'));
    expect(await isMember(app, 'frequent', 'u1')).toBe(true);
    expect(await app.store.dueChecks()).toEqual([
      { profileId: (await app.profiles.get('u1')).profile.id, dueAt: app.clock.now() + 20 * DAY },
    ]);
    app.clock.advance(20 * DAY - 1);
    expect(await isMember(app, 'frequent', 'u1')).toBe(true);
    app.clock.advance(1);
    await vi.waitFor(async () => expect(await isMember(app, 'frequent', 'u1')).toBe(false));
  });

  it('refuses invalid rules, cycles, deleting a segment in use, and unknown ids', async () => {
    const app = await start();
    const invalid = await domainErrorOf(() =>
      app.rules.segments.put('bad', {
        name: 'Bad',
        rule: {
          all: [
            { trait: 'traits.x', op: 'eq', value: 1 },
            { trait: 'traits.y', op: 'near' as never },
          ],
        },
      }),
    );
    expect(invalid.code).toBe('invalid_rule');
    expect(invalid.details['pointer']).toBe('/rule/all/1/op');
    await app.rules.segments.put('a', { name: 'A', rule: { trait: 'traits.x', op: 'exists' } });
    await app.rules.segments.put('b', { name: 'B', rule: { segment: 'a' } });
    expect(await codeOf(() => app.rules.segments.put('a', { name: 'A', rule: { segment: 'b' } }))).toBe(
      'segment_cycle',
    );
    expect(await codeOf(() => app.rules.segments.delete('a'))).toBe('segment_in_use');
    expect(await codeOf(() => app.rules.segments.get('nope'))).toBe('segment_not_found');
    expect(await codeOf(() => app.rules.segments.delete('nope'))).toBe('segment_not_found');
    expect(await codeOf(() => app.rules.segments.members('nope', undefined, 10))).toBe('segment_not_found');
    await app.rules.segments.delete('b');
    await app.rules.segments.delete('a');
    expect(await app.rules.segments.list()).toEqual([]);
  });

  it("follows another node's segments, and evaluates its events with them", async () => {
    const app = await start();
    const other = await start({ sharedWith: app });
    await other.rules.segments.put('vip', {
      name: 'VIP',
      rule: { trait: 'traits.vip', op: 'eq', value: true },
    });
    await other.rules.backfill.idle();
    await vi.waitFor(() => expect(app.inForce.segments.get('vip')).toBeDefined());
    await app.track({ type: 'identify', userId: 'u1', traits: { vip: true } });
    expect(await isMember(app, 'vip', 'u1')).toBe(true);
  });
});
