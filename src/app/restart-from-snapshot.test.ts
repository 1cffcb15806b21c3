import { describe, expect, it, vi } from 'vitest';
import { orderCompleted, type AppFixture } from '../../test/support/app-fixture.js';
import { useShopOnEachStore } from '../../test/support/app-stores.js';
import { answers, shop } from '../../test/support/restart-shop.js';
import { postgresUrl } from '../../test/support/services.js';
import { snapshotId } from '../ports/snapshot-store.js';
import type { SnapshotHeader, Store } from '../ports/store.js';

/** Each store a node can run on: a way to start the nodes of one shop on it. */
const STORES = useShopOnEachStore();

const SNAPSHOTS = { config: { snapshots: true } };

/** Events after the snapshot: new and returning customers, and an order id seen before it. */
async function moreShop(app: AppFixture): Promise<void> {
  await app.track(
    orderCompleted('u5', 'o8', ['c', 'f']),
    orderCompleted('u1', 'o9', ['d']),
    // The same order again, under another message: counted once, as the whole log counts it.
    { ...orderCompleted('u2', 'o2', ['a', 'b', 'c']), messageId: 'again-o2' },
  );
  await app.track(
    ...['b', 'f', 'a'].map((productId) => ({
      type: 'track',
      userId: 'u6',
      event: 'Product Viewed',
      properties: { product_id: productId },
    })),
  );
}

/** Waits until the node's EASE model serves, as a node that replayed the whole log would. */
async function ready(node: AppFixture): Promise<AppFixture> {
  await vi.waitFor(() => expect(node.recommendations.models.ease).toBeDefined());
  return node;
}

describe.each(STORES)('a node restarted from a snapshot (%s)', (name, nodesOn) => {
  it.skipIf(name === 'PostgreSQL' && postgresUrl === null).each([
    ['while events are committed', true],
    ['between two commits', false],
  ])(
    'gives the same answers as one that replayed the whole log, from a snapshot taken %s',
    async (_when, concurrent) => {
      const start = await nodesOn();
      const first = await start(SNAPSHOTS);
      await shop(first);
      let snapshot: SnapshotHeader | undefined;
      if (concurrent) {
        // Committed while the snapshot is taken: after its log position, before or after its read.
        const writing = first.recommendations.writeSnapshot();
        await moreShop(first);
        snapshot = await writing;
      } else {
        await moreShop(first);
        snapshot = await first.recommendations.writeSnapshot();
      }
      expect(snapshot).toBeDefined();
      // And after it: only these are left to replay.
      await first.track(
        orderCompleted('u3', 'o10', ['e', 'a']),
        { ...orderCompleted('u4', 'o5', ['e', 'f', 'a']), messageId: 'again-o5' },
        { type: 'track', userId: 'u1', event: 'Product Viewed', properties: { product_id: 'f' } },
      );

      const fromSnapshot = await ready(await start(SNAPSHOTS));
      const { started, rejected } = fromSnapshot.recommendations.snapshotStatus();
      expect(started?.snapshot).toBe(snapshot?.id);
      expect(rejected).toEqual([]);
      const wholeLog = await ready(await start({ config: { snapshots: false } }));
      const whole = wholeLog.recommendations.snapshotStatus().started;
      expect(whole?.snapshot).toBeUndefined();
      expect(started?.replayedEvents).toBeLessThan(whole?.replayedEvents ?? 0);
      if (!concurrent) expect(started?.replayedEvents).toBe(3);

      const expected = await answers(wholeLog);
      expect((expected['u2'] as { forYou: unknown[] }).forYou.length).toBeGreaterThan(2);
      expect(expected['u4']).toMatchObject({ loyalty: { tier: 'gold' } });
      expect(await answers(fromSnapshot)).toEqual(expected);
    },
  );

  it.skipIf(name === 'PostgreSQL' && postgresUrl === null)(
    'writes a last snapshot at the end of the log on a graceful stop, also while one is under way',
    async () => {
      const start = await nodesOn();
      const first = await start(SNAPSHOTS);
      await shop(first);
      // A scheduled snapshot takes its log position, then waits for lessons on their way.
      const underWay = first.recommendations.writeSnapshot();
      await moreShop(first);
      const stopping = first.recommendations.stop();
      const earlier = await underWay;
      // Snapshots are ordered by when they were taken: the stop's, written next, a second later.
      first.clock.advance(1_000);
      await stopping;

      const restarted = await start(SNAPSHOTS);
      const { started } = restarted.recommendations.snapshotStatus();
      expect(started?.snapshot).toBeDefined();
      expect(started?.snapshot).not.toBe(earlier?.id);
      expect(started?.replayedEvents).toBe(0);
    },
  );

  it.skipIf(name === 'PostgreSQL' && postgresUrl === null)(
    'passes over a snapshot that does not read or is of another format, says so, and replays the log',
    async () => {
      const start = await nodesOn();
      const first = await start(SNAPSHOTS);
      await shop(first);
      const good = await first.recommendations.writeSnapshot();
      if (good === undefined) throw new Error('no snapshot was written');
      await moreShop(first);
      const { store } = first;
      const corrupt = await storeSnapshot(store, good.meta, 1, Buffer.from('not gzip'));
      const foreign = await storeSnapshot(store, good.meta, 999, Buffer.from('{}'));

      // The newest two do not read: the node replays the whole log rather than an older snapshot.
      const restarted = await ready(await start(SNAPSHOTS));
      const status = restarted.recommendations.snapshotStatus();
      expect(status.rejected).toEqual([
        { id: foreign, reason: 'format' },
        { id: corrupt, reason: 'unreadable' },
      ]);
      expect(status.started?.snapshot).toBeUndefined();
      const wholeLog = await ready(await start({ config: { snapshots: false } }));
      expect(status.started?.replayedEvents).toBe(
        wholeLog.recommendations.snapshotStatus().started?.replayedEvents,
      );
      expect(await answers(restarted)).toEqual(await answers(wholeLog));
    },
  );
});

let stored = 0;

/** Stores a snapshot of one part as given, newer than any written so far. */
async function storeSnapshot(store: Store, meta: string, format: number, data: Buffer): Promise<string> {
  stored += 1;
  const id = snapshotId(Date.now() + stored * 1_000, `test-${stored}`);
  await store.putSnapshotPart(id, 0, data);
  await store.commitSnapshot({ id, format, createdAt: Date.now(), parts: 1, bytes: data.byteLength, meta });
  return id;
}
