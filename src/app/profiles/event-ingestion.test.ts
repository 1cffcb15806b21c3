import { describe, expect, it, vi } from 'vitest';
import { orderCompleted, useApps } from '../../../test/support/app-fixture.js';
import type { BatchResult } from './ingest-batch.js';

const start = useApps();

const viewed = (anonymousId: string, productId: string, messageId?: string) => ({
  type: 'track',
  anonymousId,
  event: 'Product Viewed',
  properties: { product_id: productId },
  ...(messageId !== undefined && { messageId }),
});

describe('EventIngestion.submit', () => {
  it('stores the valid events and reports each invalid one by index, code and pointer', async () => {
    const app = await start();
    const result = await app.ingestion.submit(
      [
        viewed('a1', 'mug'),
        { type: 'track', anonymousId: 'a1', event: 'Order Completed', properties: { total: 'lots' } },
        { type: 'teleport', anonymousId: 'a1' },
        viewed('a1', 'plate'),
      ],
      { fromServer: true },
    );
    expect(result.accepted).toBe(2);
    expect(result.rejected.map(({ index, code, pointer }) => ({ index, code, pointer }))).toEqual([
      { index: 1, code: 'invalid_money', pointer: '/properties/total' },
      { index: 2, code: expect.any(String), pointer: '/type' },
    ]);
    expect(await app.store.countEvents()).toBe(2);
    expect((await app.profiles.get('a1')).profile.recentlyViewed).toEqual(['plate', 'mug']);
  });

  it('accepts order events only from the merchant server', async () => {
    const app = await start();
    const order = {
      type: 'track',
      userId: 'u1',
      event: 'Order Completed',
      properties: { order_id: 'o1', total: 10 },
    };
    const fromBrowser = await app.ingestion.submit([order], { fromServer: false });
    expect(fromBrowser.rejected.map((rejection) => rejection.code)).toEqual(['server_event_only']);
    expect(await app.store.countEvents()).toBe(0);
    await app.ingestion.submit([order], { fromServer: true });
    expect((await app.profiles.get('u1')).profile.stats.orderCount).toBe(1);
  });

  it('counts a repeated messageId once, and an order once per order_id however it arrives', async () => {
    const app = await start();
    await app.track(viewed('a1', 'mug', 'm1'));
    await app.track(viewed('a1', 'mug', 'm1'));
    expect(await app.store.countEvents()).toBe(1);
    const order = (messageId: string) => ({
      type: 'track',
      userId: 'u1',
      messageId,
      event: 'Order Completed',
      properties: { order_id: 'o1', total: 10, currency: 'GBP' },
    });
    await app.track(order('first'));
    await app.track(order('second'));
    const profile = (await app.profiles.get('u1')).profile;
    expect(profile.stats.orderCount).toBe(1);
    expect(await app.store.ordersOf(profile.id)).toHaveLength(1);
  });

  it("merges an anonymous visitor's history into the customer on identify", async () => {
    const app = await start();
    await app.track(viewed('a1', 'mug'));
    const anonymous = (await app.profiles.get('a1')).profile.id;
    await app.track({
      type: 'identify',
      userId: 'u1',
      anonymousId: 'a1',
      traits: { email: 'u1@example.com' },
    });
    const known = (await app.profiles.get('u1')).profile;
    expect((await app.profiles.get('a1')).profile.id).toBe(known.id);
    expect(known).toMatchObject({ userId: 'u1', anonymousIds: ['a1'], recentlyViewed: ['mug'] });
    expect(known.traits['email']).toBe('u1@example.com');
    if (known.id !== anonymous) expect(await app.store.getProfile(anonymous)).toBeUndefined();
  });

  it('stores no new behaviour without analytics consent, only the answer', async () => {
    const app = await start();
    await app.profiles.setConsent('a1', { analytics: false }, false);
    const before = await app.store.countEvents();
    await app.track(viewed('a1', 'mug'));
    expect(await app.store.countEvents()).toBe(before);
    expect((await app.profiles.get('a1')).profile.recentlyViewed).toEqual([]);
  });

  it('tells followers after each commit, read models before the submitter hears back, and the bus', async () => {
    const app = await start();
    const order: string[] = [];
    let committed: BatchResult | undefined;
    app.ingestion.onCommittedBeforeAck(() => void order.push('read model'));
    app.ingestion.onCommitted((result) => {
      committed = result;
      order.push('listener');
    });
    await app.track(viewed('a1', 'mug')).then(() => order.push('acknowledged'));
    expect(order.indexOf('read model')).toBe(0);
    await vi.waitFor(() => expect(order).toContain('listener'));
    const profileId = (await app.profiles.get('a1')).profile.id;
    expect(committed?.stored.map((entry) => entry.profileId)).toEqual([profileId]);
    expect(app.published('profiles')).toContainEqual(
      expect.objectContaining({
        origin: app.nodeId,
        profileIds: [profileId],
        identities: [{ kind: 'anon', value: 'a1' }],
      }),
    );
  });

  it('tells which profiles a sign-in merged away, and whether they had placed an order', async () => {
    const app = await start();
    const absorbed: BatchResult['absorbed'][number][] = [];
    app.ingestion.onCommittedBeforeAck((result) => void absorbed.push(...result.absorbed));
    await app.track({ type: 'identify', userId: 'k1' }, { type: 'identify', userId: 'k2' });
    const { userId: _, ...guestOrder } = orderCompleted('anyone', 'o1', ['mug']);
    await app.track(viewed('browser', 'mug'), { ...guestOrder, anonymousId: 'guest' });
    const [browser, guest] = [
      (await app.profiles.get('browser')).profile.id,
      (await app.profiles.get('guest')).profile.id,
    ];
    await app.track(
      { type: 'identify', anonymousId: 'browser', userId: 'k1' },
      { type: 'identify', anonymousId: 'guest', userId: 'k2' },
    );
    const [k1, k2] = [(await app.profiles.get('k1')).profile.id, (await app.profiles.get('k2')).profile.id];
    expect(absorbed).toEqual([
      { from: browser, into: k1, fromOrdered: false },
      { from: guest, into: k2, fromOrdered: true },
    ]);
  });

  it('runs exclusive work between commits, never in the middle of one', async () => {
    const app = await start();
    const events = Array.from({ length: 50 }, (_, index) => viewed(`v${index}`, 'mug'));
    const writing = app.track(...events);
    const counted = app.ingestion.exclusive(() => app.store.countEvents());
    await writing;
    expect([0, 50]).toContain(await counted);
  });

  it('forgets profiles another node changed, so the next read is fresh', async () => {
    const app = await start();
    const other = await start({ sharedWith: app });
    await app.track(viewed('a1', 'mug'));
    expect((await app.profiles.get('a1')).profile.recentlyViewed).toEqual(['mug']);
    await other.track(viewed('a1', 'plate'));
    // Without the bus message this node would serve its cached copy for good.
    await vi.waitFor(async () =>
      expect((await app.profiles.get('a1')).profile.recentlyViewed).toEqual(['plate', 'mug']),
    );
  });

  it('fails only the submission a shared commit fails for, committing the others alone', async () => {
    const app = await start();
    const transaction = app.store.profileTransaction.bind(app.store);
    // A store that refuses whatever a commit holds for the visitor `poison`, as PostgreSQL refused NUL.
    vi.spyOn(app.store, 'profileTransaction').mockImplementation((work) =>
      transaction(async (tx) => {
        const result = (await work(tx)) as BatchResult;
        if (result.resolved.some(({ identity }) => identity.value === 'poison')) throw new Error('refused');
        return result as never;
      }),
    );
    const names = ['s1', 's2', 'poison', 's3', 's4'];
    const outcomes = await Promise.allSettled(
      names.map((name) => app.ingestion.submit([viewed(name, 'mug')], { fromServer: true })),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(await app.store.countEvents()).toBe(4);
    app.errors.length = 0;
  });
});
