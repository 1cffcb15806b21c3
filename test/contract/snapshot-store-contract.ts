import { beforeAll, describe, expect, it } from 'vitest';
import { createProfile, type TrackedEvent } from '../../src/domain/profiles/index.js';
import { snapshotId, type SnapshotHeader } from '../../src/ports/snapshot-store.js';
import type { Store } from '../../src/ports/store.js';
import { useStoreFixture, type StoreFixture } from './store-contract.js';

const now = Date.parse('2026-03-01T12:00:00.000Z');

function event(messageId: string): TrackedEvent {
  const iso = new Date(now).toISOString();
  return {
    messageId,
    type: 'track',
    event: 'Thing',
    userId: 'w1',
    timestamp: iso,
    receivedAt: iso,
    properties: {},
    traits: {},
    context: {},
  };
}

function header(id: string, parts: number): SnapshotHeader {
  return { id, format: 1, createdAt: now, parts, bytes: 3 * parts, meta: '{"position":7}' };
}

const bytes = (...values: number[]) => Uint8Array.from(values);

/** The behaviour of every {@link SnapshotStore}: run on SQLite and PostgreSQL. */
export function describeSnapshotStoreContract(
  name: string,
  createFixture: () => Promise<StoreFixture>,
): void {
  describe(`SnapshotStore contract: ${name}`, () => {
    const storeOf = useStoreFixture(createFixture);
    let store: Store;
    beforeAll(() => {
      store = storeOf();
    });

    it('shows a snapshot once its header is committed, its parts in order, page by page', async () => {
      const id = snapshotId(now, 'a');
      for (const part of [2, 0, 1]) await store.putSnapshotPart(id, part, bytes(part, 1, 2));
      expect(await store.latestSnapshots(5)).toEqual([]);
      await store.commitSnapshot(header(id, 3));
      expect(await store.latestSnapshots(5)).toEqual([header(id, 3)]);
      const first = await store.snapshotParts(id, 0, 2);
      const rest = await store.snapshotParts(id, 2, 2);
      expect([...first, ...rest].map((part) => [...part])).toEqual([
        [0, 1, 2],
        [1, 1, 2],
        [2, 1, 2],
      ]);
    });

    it('lists the newest first and prunes all but those kept, sparing a snapshot still being written', async () => {
      const older = snapshotId(now + 1_000, 'b');
      const newer = snapshotId(now + 2_000, 'c');
      const writing = snapshotId(now + 3_000, 'd');
      const abandoned = snapshotId(now - 1_000, 'e');
      for (const id of [older, newer]) {
        await store.putSnapshotPart(id, 0, bytes(9));
        await store.commitSnapshot(header(id, 1));
      }
      await store.putSnapshotPart(writing, 0, bytes(8));
      await store.putSnapshotPart(abandoned, 0, bytes(7));
      expect((await store.latestSnapshots(2)).map((entry) => entry.id)).toEqual([newer, older]);
      await store.pruneSnapshots([newer]);
      expect((await store.latestSnapshots(5)).map((entry) => entry.id)).toEqual([newer]);
      expect(await store.snapshotParts(older, 0, 5)).toEqual([]);
      expect(await store.snapshotParts(abandoned, 0, 5)).toEqual([]);
      expect((await store.snapshotParts(writing, 0, 5)).map((part) => [...part])).toEqual([[8]]);
    });

    it('gives a log watermark at the newest committed event', async () => {
      const before = (await store.logWatermark()).seq;
      await store.profileTransaction((tx) =>
        tx.insertEvents([
          { profileId: 'w1', event: event('w-1') },
          { profileId: 'w1', event: event('w-2') },
        ]),
      );
      const after = (await store.logWatermark()).seq;
      const page = await store.scanTrackEvents(before, 10);
      expect(page.events.map((stored) => [stored.event.messageId, stored.seq])).toEqual([
        ['w-1', after - 1],
        ['w-2', after],
      ]);
    });

    it('changes the erasure mark with every erasure, and an erasure drops every snapshot', async () => {
      const id = snapshotId(now + 10_000, 'f');
      await store.putSnapshotPart(id, 0, bytes(1));
      await store.commitSnapshot(header(id, 1));
      const marks = [await store.erasureMark()];
      for (const at of [now, now + 1]) {
        await store.eraseProfile({
          profileId: 'gone',
          userId: 'gone',
          anonymousIds: [],
          idHashes: ['hash-gone'],
          standIn: 'erased:gone',
          now: at,
        });
        marks.push(await store.erasureMark());
      }
      expect(new Set(marks).size).toBe(3);
      expect(await store.latestSnapshots(5)).toEqual([]);
      expect(await store.snapshotParts(id, 0, 5)).toEqual([]);
    });

    it('lists the merges made since a time, oldest first', async () => {
      const iso = new Date(now).toISOString();
      await store.profileTransaction((tx) =>
        tx.writeProfiles(
          ['m-1', 'm-2', 'm-3'].map((id) => ({ profile: createProfile(id, iso, {}), expectedVersion: null })),
          now,
        ),
      );
      await store.profileTransaction((tx) => tx.absorbProfile('m-1', 'm-3', 1, now + 5_000));
      await store.profileTransaction((tx) => tx.absorbProfile('m-2', 'm-3', 1, now + 9_000));
      expect(await store.mergesSince(now + 5_000)).toEqual([
        { from: 'm-1', into: 'm-3' },
        { from: 'm-2', into: 'm-3' },
      ]);
      expect(await store.mergesSince(now + 6_000)).toEqual([{ from: 'm-2', into: 'm-3' }]);
    });
  });
}
