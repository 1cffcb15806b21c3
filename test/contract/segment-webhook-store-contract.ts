import { beforeAll, describe, expect, it } from 'vitest';
import { createProfile } from '../../src/domain/profiles/index.js';
import type { Store } from '../../src/ports/store.js';
import { useStoreFixture, type StoreFixture } from './store-contract.js';

const now = Date.parse('2026-04-01T00:00:00.000Z');

/** Segments, memberships, re-check schedules, webhooks and the outbox, on every store. */
export function describeSegmentWebhookStoreContract(
  name: string,
  createFixture: () => Promise<StoreFixture>,
): void {
  describe(`Segment and webhook store contract: ${name}`, () => {
    const storeOf = useStoreFixture(createFixture);
    let store: Store;
    beforeAll(() => {
      store = storeOf();
    });

    it('keeps segments with versions and back-fill progress', async () => {
      const draft = { id: 'vip', name: 'VIP', rule: { trait: 'traits.vip', op: 'eq' as const, value: true } };
      expect(await store.putSegment(draft, { now })).toMatchObject({ ...draft, version: 1 });
      await store.setBackfill('vip', {
        status: 'done',
        processed: 3,
        total: 3,
        startedAt: new Date(now).toISOString(),
      });
      expect((await store.getSegment('vip'))?.backfill).toMatchObject({ status: 'done', processed: 3 });
      expect((await store.putSegment({ ...draft, name: 'V.I.P.' }, { now, ifVersion: 1 })).version).toBe(2);
      expect((await store.listSegments()).map((segment) => segment.id)).toEqual(['vip']);
    });

    it('records memberships in the ingestion transaction and lists members with their ids', async () => {
      await store.profileTransaction(async (tx) => {
        await tx.writeProfiles(
          [
            {
              profile: {
                ...createProfile('p-1', new Date(now).toISOString(), { userId: 'u-1' }),
                anonymousIds: ['a-1'],
              },
              expectedVersion: null,
            },
            {
              profile: createProfile('p-2', new Date(now).toISOString(), { anonymousId: 'a-2' }),
              expectedVersion: null,
            },
          ],
          now,
        );
        await tx.changeMemberships([
          { segmentId: 'vip', profileId: 'p-1', member: true, at: now },
          { segmentId: 'vip', profileId: 'p-2', member: true, at: now + 1 },
        ]);
      });
      expect(await store.countMembers('vip')).toBe(2);
      expect(await store.members('vip', undefined, 1)).toEqual([
        { profileId: 'p-1', userId: 'u-1', anonymousIds: ['a-1'], since: now },
      ]);
      expect(await store.members('vip', 'p-1', 10)).toEqual([
        { profileId: 'p-2', userId: null, anonymousIds: ['a-2'], since: now + 1 },
      ]);
      await store.profileTransaction((tx) =>
        tx.changeMemberships([{ segmentId: 'vip', profileId: 'p-1', member: false, at: now }]),
      );
      expect(await store.countMembers('vip')).toBe(1);
      expect(await store.deleteSegment('vip')).toBe(true);
      expect(await store.countMembers('vip')).toBe(0);
    });

    it('sets and clears re-check times', async () => {
      await store.profileTransaction((tx) =>
        tx.scheduleChecks([
          { profileId: 'p-1', dueAt: now + 5 },
          { profileId: 'p-2', dueAt: now + 9 },
        ]),
      );
      await store.profileTransaction((tx) =>
        tx.scheduleChecks([
          { profileId: 'p-1', dueAt: null },
          { profileId: 'p-2', dueAt: now + 7 },
        ]),
      );
      expect(await store.dueChecks()).toEqual([{ profileId: 'p-2', dueAt: now + 7 }]);
    });

    it('leases each due outbox message to one claimant at a time, and retries failures later', async () => {
      await store.putWebhook(
        { id: 'hook', url: 'https://example.com/h', events: ['segment.entered'], secret: 'whsec_x' },
        { now },
      );
      const entries = Array.from({ length: 10 }, (_, index) => ({
        id: `msg-${index}`,
        webhookId: 'hook',
        profileId: `p-${index}`,
        type: 'segment.entered',
        payload: `{"n":${index}}`,
      }));
      await store.profileTransaction((tx) => tx.enqueueMessages(entries, now));
      const [first, second] = await Promise.all([
        store.claimDueMessages(now, 6, 1000),
        store.claimDueMessages(now, 6, 1000),
      ]);
      // Concurrent claimants may leave some for later, but never take the same message.
      const rest = await store.claimDueMessages(now, 10, 1000);
      const claimed = [...first, ...second, ...rest].map((message) => message.id);
      expect(claimed.sort()).toEqual(entries.map((entry) => entry.id).sort());
      expect(await store.claimDueMessages(now + 500, 10, 1000)).toEqual([]);

      await store.markDelivered(['msg-0'], now + 1);
      await store.markFailed('msg-1', 1, now + 2000, 'answered 503');
      const again = await store.claimDueMessages(now + 1500, 10, 1000);
      expect(again.map((message) => message.id).sort()).toEqual([
        'msg-2',
        'msg-3',
        'msg-4',
        'msg-5',
        'msg-6',
        'msg-7',
        'msg-8',
        'msg-9',
      ]);
      expect(
        (await store.claimDueMessages(now + 2100, 10, 1000)).map((message) => ({
          id: message.id,
          attempts: message.attempts,
        })),
      ).toEqual([{ id: 'msg-1', attempts: 1 }]);
      const outbox = await store.outboxOf('hook');
      expect(outbox.find((message) => message.id === 'msg-0')?.deliveredAt).toBe(now + 1);
      expect(outbox.find((message) => message.id === 'msg-1')?.lastError).toBe('answered 503');
    });

    it('keeps webhooks and drops undelivered messages with them', async () => {
      expect((await store.getWebhook('hook'))?.events).toEqual(['segment.entered']);
      expect(await store.deleteWebhook('hook')).toBe(true);
      expect(await store.listWebhooks()).toEqual([]);
      expect((await store.outboxOf('hook')).map((message) => message.id)).toEqual(['msg-0']);
    });
  });
}
