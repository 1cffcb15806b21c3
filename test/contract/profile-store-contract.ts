import { beforeAll, describe, expect, it } from 'vitest';
import { createProfile, type TrackedEvent } from '../../src/domain/profiles/index.js';
import { WriteConflict, type Store } from '../../src/ports/store.js';
import { useStoreFixture, type StoreFixture } from './store-contract.js';

const now = Date.parse('2026-03-01T12:00:00.000Z');
const iso = new Date(now).toISOString();

function event(messageId: string, userId = 'u1'): TrackedEvent {
  return {
    messageId,
    type: 'track',
    event: 'Thing',
    userId,
    timestamp: iso,
    receivedAt: iso,
    properties: {},
    traits: {},
    context: {},
  };
}

/** An erasure of profile `profileId` (customer u1, device a1) with these id hashes. */
const erasureOf = (profileId: string, idHashes: readonly string[]) => ({
  profileId,
  userId: 'u1',
  anonymousIds: ['a1'],
  idHashes,
  standIn: 'erased:u1',
  now,
});
const profile = (id: string, userId?: string) =>
  createProfile(id, iso, userId === undefined ? {} : { userId });

/** The behaviour every store must show for events, orders, profiles and ids; run on SQLite and PostgreSQL. */
export function describeProfileStoreContract(name: string, createFixture: () => Promise<StoreFixture>): void {
  describe(`ProfileStore contract: ${name}`, () => {
    const storeOf = useStoreFixture(createFixture);
    let store: Store;
    beforeAll(() => {
      store = storeOf();
    });

    it('writes profiles at versions and refuses a stale or duplicate write', async () => {
      await store.profileTransaction(async (tx) => {
        const versions = await tx.writeProfiles(
          [{ profile: profile('p1', 'u1'), expectedVersion: null }],
          now,
        );
        expect(versions.get('p1')).toBe(1);
      });
      await expect(
        store.profileTransaction((tx) =>
          tx.writeProfiles([{ profile: profile('p1'), expectedVersion: null }], now),
        ),
      ).rejects.toBeInstanceOf(WriteConflict);
      await expect(
        store.profileTransaction((tx) =>
          tx.writeProfiles([{ profile: profile('p1'), expectedVersion: 5 }], now),
        ),
      ).rejects.toBeInstanceOf(WriteConflict);
      await store.profileTransaction((tx) =>
        tx.writeProfiles(
          [{ profile: { ...profile('p1', 'u1'), traits: { a: 1 } }, expectedVersion: 1 }],
          now,
        ),
      );
      expect(await store.getProfile('p1')).toMatchObject({ version: 2, profile: { traits: { a: 1 } } });
    });

    it('rolls the whole transaction back when any part conflicts', async () => {
      await expect(
        store.profileTransaction(async (tx) => {
          await tx.insertEvents([{ profileId: 'p1', event: event('rollback-1') }]);
          await tx.writeProfiles([{ profile: profile('p1'), expectedVersion: 99 }], now);
        }),
      ).rejects.toBeInstanceOf(WriteConflict);
      expect(await store.profileTransaction((tx) => tx.existingMessageIds(['rollback-1']))).toEqual(
        new Set(),
      );
    });

    it('stores an event once per messageId and reports a concurrent duplicate as a conflict', async () => {
      await store.profileTransaction((tx) =>
        tx.insertEvents([
          { profileId: 'p1', event: event('m-1') },
          { profileId: 'p1', event: event('m-2') },
        ]),
      );
      expect(await store.profileTransaction((tx) => tx.existingMessageIds(['m-1', 'm-3']))).toEqual(
        new Set(['m-1']),
      );
      await expect(
        store.profileTransaction((tx) => tx.insertEvents([{ profileId: 'p1', event: event('m-2') }])),
      ).rejects.toBeInstanceOf(WriteConflict);
      expect((await store.eventsOf('p1')).map((stored) => stored.event.messageId)).toEqual(['m-1', 'm-2']);
    });

    it('reads the latest of some names of a profile’s events, a page at a time', async () => {
      const named = (messageId: string, name: string | undefined): TrackedEvent => {
        const base = event(messageId, 'u-pages');
        if (name !== undefined) return { ...base, event: name };
        const { event: _name, ...identify } = base;
        return { ...identify, type: 'identify' };
      };
      const log = [
        named('pg-1', 'Viewed'),
        named('pg-2', 'Added'),
        named('pg-3', undefined),
        named('pg-4', 'Viewed'),
        named('pg-5', 'Ordered'),
        named('pg-6', 'Viewed'),
        named('pg-7', 'Added'),
      ];
      await store.profileTransaction((tx) =>
        tx.insertEvents(log.map((stored) => ({ profileId: 'p-pages', event: stored }))),
      );
      const ids = (events: readonly { event: TrackedEvent }[]) =>
        events.map((stored) => stored.event.messageId);
      const newest = await store.latestEventsOf('p-pages', ['Viewed'], Number.POSITIVE_INFINITY, 2);
      expect(ids(newest)).toEqual(['pg-6', 'pg-4']);
      const older = await store.latestEventsOf('p-pages', ['Viewed'], newest[1]?.seq ?? 0, 2);
      expect(ids(older)).toEqual(['pg-1']);
      expect(
        ids(await store.latestEventsOf('p-pages', ['Viewed', 'Added'], Number.POSITIVE_INFINITY, 10)),
      ).toEqual(['pg-7', 'pg-6', 'pg-4', 'pg-2', 'pg-1']);
      // A page of several names cut short: the newest of all of them, wherever each name's end is.
      const mixed = await store.latestEventsOf('p-pages', ['Added', 'Viewed'], Number.POSITIVE_INFINITY, 3);
      expect(ids(mixed)).toEqual(['pg-7', 'pg-6', 'pg-4']);
      expect(ids(await store.latestEventsOf('p-pages', ['Added', 'Viewed'], mixed[1]?.seq ?? 0, 2))).toEqual([
        'pg-4',
        'pg-2',
      ]);
      expect(await store.latestEventsOf('p-pages', ['Viewed'], newest[1]?.seq ?? 0, 0)).toEqual([]);
    });

    it('counts an order once by its orderId', async () => {
      const order = {
        orderId: 'o-1',
        profileId: 'p1',
        messageId: 'm-1',
        currency: 'GBP',
        amount: 1999,
        at: iso,
        source: 'event' as const,
      };
      expect(await store.profileTransaction((tx) => tx.insertOrders([order]))).toEqual(new Set(['o-1']));
      expect(
        await store.profileTransaction((tx) =>
          tx.insertOrders([{ ...order, messageId: 'm-9', source: 'api' }]),
        ),
      ).toEqual(new Set());
      expect(await store.profileTransaction((tx) => tx.orderAmounts(['o-1', 'o-2']))).toEqual(
        new Map([['o-1', { currency: 'GBP', amount: 1999 }]]),
      );
      expect(await store.ordersOf('p1')).toEqual([order]);
    });

    it('links ids, moves them only from where they were, and finds profiles by them', async () => {
      await store.profileTransaction((tx) =>
        tx.linkIdentities(
          [
            { kind: 'user', value: 'u1', profileId: 'p1', previousProfileId: null },
            { kind: 'anon', value: 'a1', profileId: 'p1', previousProfileId: null },
          ],
          now,
        ),
      );
      expect(await store.findProfileId({ kind: 'anon', value: 'a1' })).toBe('p1');
      await expect(
        store.profileTransaction((tx) =>
          tx.linkIdentities([{ kind: 'anon', value: 'a1', profileId: 'p2', previousProfileId: null }], now),
        ),
      ).rejects.toBeInstanceOf(WriteConflict);
      await expect(
        store.profileTransaction((tx) =>
          tx.linkIdentities([{ kind: 'anon', value: 'a1', profileId: 'p2', previousProfileId: 'p9' }], now),
        ),
      ).rejects.toBeInstanceOf(WriteConflict);
      const found = await store.profileTransaction((tx) =>
        tx.findProfileIds([
          { kind: 'user', value: 'u1' },
          { kind: 'anon', value: 'zz' },
        ]),
      );
      expect(found).toEqual(new Map([['user:u1', 'p1']]));
    });

    it('absorbs a merged profile: its history and ids move, the merge is recorded', async () => {
      await store.profileTransaction(async (tx) => {
        await tx.writeProfiles([{ profile: profile('p-anon'), expectedVersion: null }], now);
        await tx.linkIdentities(
          [{ kind: 'anon', value: 'a2', profileId: 'p-anon', previousProfileId: null }],
          now,
        );
        await tx.insertEvents([{ profileId: 'p-anon', event: event('m-anon', 'x') }]);
      });
      await expect(
        store.profileTransaction((tx) => tx.absorbProfile('p-anon', 'p1', 7, now)),
      ).rejects.toBeInstanceOf(WriteConflict);
      await store.profileTransaction((tx) => tx.absorbProfile('p-anon', 'p1', 1, now));
      expect(await store.getProfile('p-anon')).toBeUndefined();
      expect(await store.findProfileId({ kind: 'anon', value: 'a2' })).toBe('p1');
      expect((await store.eventsOf('p1')).map((stored) => stored.event.messageId)).toContain('m-anon');
      expect(await store.mergesInto('p1')).toEqual([{ fromProfileId: 'p-anon', at: now }]);
    });

    it('erases a profile with everything derived from it and keeps only hashes', async () => {
      const counts = await store.eraseProfile(erasureOf('p1', ['hash-u1', 'hash-a1']));
      expect(counts).toEqual({ profiles: 1, identities: 3, events: 3, orders: 1 });
      expect(await store.getProfile('p1')).toBeUndefined();
      expect(await store.findProfileId({ kind: 'user', value: 'u1' })).toBeUndefined();
      expect(await store.mergesInto('p1')).toEqual([]);
      expect(await store.erasures()).toEqual(
        new Map([
          ['hash-u1', now],
          ['hash-a1', now],
        ]),
      );
      expect(await store.profileTransaction((tx) => tx.erasedAt(['hash-a1', 'other']))).toEqual(
        new Map([['hash-a1', now]]),
      );
    });

    it('takes a profile’s decisions along: moved by a merge, deleted by erasure', async () => {
      const decision = (id: string, profileId: string) => ({ id, profileId, at: now, shown: '[]' });
      await store.profileTransaction((tx) =>
        tx.writeProfiles(
          ['d-anon', 'd-known'].map((id) => ({ profile: profile(id), expectedVersion: null })),
          now,
        ),
      );
      await store.insertDecisions([decision('dec-1', 'd-anon'), decision('dec-2', 'd-known')]);
      await store.profileTransaction((tx) => tx.absorbProfile('d-anon', 'd-known', 1, now));
      expect(await store.getDecision('dec-1')).toEqual(decision('dec-1', 'd-known'));
      await store.eraseProfile(erasureOf('d-known', []));
      expect(await store.getDecision('dec-1')).toBeUndefined();
      expect(await store.getDecision('dec-2')).toBeUndefined();
    });

    it('scans profiles page by page in id order', async () => {
      await store.profileTransaction((tx) =>
        tx.writeProfiles(
          ['s3', 's1', 's2'].map((id) => ({ profile: profile(id), expectedVersion: null })),
          now,
        ),
      );
      const first = await store.scanProfiles(undefined, 2);
      const second = await store.scanProfiles(first[first.length - 1]?.profile.id, 10);
      expect([...first, ...second].map((entry) => entry.profile.id)).toEqual(['s1', 's2', 's3']);
      const firstIds = await store.scanProfileIds(undefined, 2);
      const nextIds = await store.scanProfileIds(firstIds[firstIds.length - 1], 10);
      expect([firstIds, nextIds]).toEqual([['s1', 's2'], ['s3']]);
    });

    it('reads many profiles at once, leaving out ids that name none', async () => {
      const ids = Array.from({ length: 450 }, (_, index) => `many-${index}`);
      await store.profileTransaction((tx) =>
        tx.writeProfiles(
          ids.map((id) => ({ profile: profile(id), expectedVersion: null })),
          now,
        ),
      );
      const found = await store.getProfiles([...ids, 'nobody']);
      expect(found.size).toBe(450);
      expect(found.get('many-449')).toMatchObject({ version: 1, profile: { id: 'many-449' } });
      expect(found.has('nobody')).toBe(false);
    });

    it('locks stored profiles and answers their versions, or has nothing to lock with one writer', async () => {
      const ids = Array.from({ length: 250 }, (_, index) => `locked-${index}`);
      await store.profileTransaction((tx) =>
        tx.writeProfiles(
          ids.map((id) => ({ profile: profile(id), expectedVersion: null })),
          now,
        ),
      );
      await store.profileTransaction((tx) =>
        tx.writeProfiles([{ profile: profile('locked-7'), expectedVersion: 1 }], now),
      );
      const versions = await store.profileTransaction((tx) => tx.lockProfiles([...ids, 'nobody']));
      if (store.kind === 'sqlite') expect(versions).toBeUndefined();
      else {
        expect(versions?.size).toBe(250);
        expect(versions?.get('locked-7')).toBe(2);
        expect(versions?.get('locked-249')).toBe(1);
        expect(versions?.has('nobody')).toBe(false);
      }
    });

    it('locks ids until the transaction ends, so another writer of one of them waits, or has nothing to lock with one writer', async () => {
      const ids = [
        { kind: 'anon', value: 'lock-device' },
        { kind: 'user', value: 'lock-customer' },
      ] as const;
      if (store.kind === 'sqlite') {
        expect(await store.profileTransaction((tx) => tx.lockIdentities(ids))).toBe(false);
        return;
      }
      const happened: string[] = [];
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      let firstLocked = () => {};
      const lockedByFirst = new Promise<void>((resolve) => (firstLocked = resolve));
      const first = store.profileTransaction(async (tx) => {
        expect(await tx.lockIdentities(ids)).toBe(true);
        firstLocked();
        await released;
        happened.push('first ends');
      });
      await lockedByFirst;
      const second = store.profileTransaction(async (tx) => {
        await tx.lockIdentities([{ kind: 'user', value: 'someone-else' }, ids[1]]);
        happened.push('second holds the lock');
      });
      // Time enough for the second to take the lock, were it not held.
      await new Promise((resolve) => setTimeout(resolve, 300));
      happened.push('first lets go');
      release();
      await Promise.all([first, second]);
      expect(happened).toEqual(['first lets go', 'first ends', 'second holds the lock']);
    });

    it('scans track events in arrival order, a page at a time, leaving other types out', async () => {
      await store.profileTransaction((tx) =>
        tx.insertEvents([
          { profileId: 'q1', event: event('t-1', 'v1') },
          { profileId: 'q1', event: { ...event('i-1', 'v1'), type: 'identify' } },
          { profileId: 'q2', event: event('t-2', 'v2') },
          { profileId: 'q1', event: event('t-3', 'v1') },
        ]),
      );
      const scanned = [];
      for (let after: number | undefined = 0; after !== undefined;) {
        const page = await store.scanTrackEvents(after, 1);
        scanned.push(...page.events);
        after = page.next;
      }
      const ours = scanned.filter((stored) => stored.profileId.startsWith('q'));
      expect(ours.map((stored) => [stored.profileId, stored.event.messageId])).toEqual([
        ['q1', 't-1'],
        ['q2', 't-2'],
        ['q1', 't-3'],
      ]);
      expect(ours[0]?.event).toEqual(event('t-1', 'v1'));
    });
  });
}
