import { beforeAll, describe, expect, it } from 'vitest';
import { createProfile, type TrackedEvent } from '../../src/domain/profiles/index.js';
import type { Store } from '../../src/ports/store.js';
import { useStoreFixture, type StoreFixture } from './store-contract.js';

const now = Date.parse('2026-03-01T12:00:00.000Z');
const iso = new Date(now).toISOString();

const viewed = (messageId: string): TrackedEvent => ({
  messageId,
  type: 'track',
  event: 'Product Viewed',
  anonymousId: 'turns-a1',
  timestamp: iso,
  receivedAt: iso,
  properties: { product_id: 'mug' },
  traits: {},
  context: {},
});

/** A transaction's long writes giving way to other work: on SQLite and PostgreSQL alike. */
export function describeTransactionTurnsContract(
  name: string,
  createFixture: () => Promise<StoreFixture>,
): void {
  describe(`ProfileStore transactions that give way: ${name}`, () => {
    const storeOf = useStoreFixture(createFixture);
    let store: Store;
    beforeAll(() => {
      store = storeOf();
    });

    it('gives way between the statements of long writes, and a reader meanwhile sees all of them or none', async () => {
      const events = Array.from({ length: 450 }, (_, index) => viewed(`turns-m${index}`));
      const profiles = Array.from({ length: 250 }, (_, index) => ({
        profile: createProfile(`turns-p${index}`, iso, {}),
        expectedVersion: null,
      }));
      // Each read is one statement: across the commit, one may see it and the next not.
      const eventReads: Promise<number>[] = [];
      const profileReads: Promise<number>[] = [];
      const giveWay = () => {
        eventReads.push(store.eventsOf('turns-p0').then((stored) => stored.length));
        profileReads.push(store.getProfiles(['turns-p0', 'turns-p249']).then((found) => found.size));
        return new Promise<void>((resolve) => setImmediate(resolve));
      };
      await store.profileTransaction(
        async (tx) => {
          await tx.insertEvents(events.map((event) => ({ profileId: 'turns-p0', event })));
          await tx.writeProfiles(profiles, now);
        },
        { giveWay },
      );
      expect(eventReads.length).toBeGreaterThanOrEqual(2);
      for (const seen of await Promise.all(eventReads)) expect([0, 450]).toContain(seen);
      // The first profile and the last, written by different statements.
      for (const seen of await Promise.all(profileReads)) expect([0, 2]).toContain(seen);
      expect((await store.eventsOf('turns-p0')).length).toBe(450);
    });
  });
}
