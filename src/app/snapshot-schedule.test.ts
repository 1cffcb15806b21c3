import { afterEach, describe, expect, it } from 'vitest';
import { orderCompleted, startApp, type AppFixture } from '../../test/support/app-fixture.js';

const MINUTE = 60_000;
let node: AppFixture | undefined;
afterEach(async () => {
  await node?.close();
  node = undefined;
});

/** A node whose snapshots are due every 15 minutes, or once 3 events were learnt. */
async function scheduledNode(): Promise<AppFixture> {
  node = await startApp({ config: { snapshots: true, snapshotMinutes: 15, snapshotEvents: 3 } });
  return node;
}

describe('the snapshot schedule', () => {
  it('writes one when its minutes have passed, and none for a node with nothing new since', async () => {
    const app = await scheduledNode();
    await app.track(orderCompleted('u1', 'o1', ['a', 'b']));
    expect(await app.recommendations.writeSnapshotIfDue()).toBeUndefined();
    app.clock.advance(15 * MINUTE);
    const first = await app.recommendations.writeSnapshotIfDue();
    expect(first).toBeDefined();

    app.clock.advance(15 * MINUTE);
    expect(await app.recommendations.writeSnapshotIfDue()).toBeUndefined();
    app.clock.advance(45 * MINUTE);
    expect(await app.recommendations.writeSnapshotIfDue()).toBeUndefined();
    expect((await app.store.latestSnapshots(5)).map((header) => header.id)).toEqual([first?.id]);

    await app.track(orderCompleted('u2', 'o2', ['b', 'c']));
    app.clock.advance(15 * MINUTE);
    const second = await app.recommendations.writeSnapshotIfDue();
    expect(second).toBeDefined();
    expect(second?.id).not.toBe(first?.id);
  });

  it('writes one when the log moved on though nothing was learnt, so a restart replays no more', async () => {
    const app = await scheduledNode();
    await app.track(orderCompleted('u1', 'o1', ['a', 'b']));
    app.clock.advance(15 * MINUTE);
    expect(await app.recommendations.writeSnapshotIfDue()).toBeDefined();
    // An event the models learn nothing from still moves the log's position on.
    await app.track({ type: 'identify', userId: 'u1', traits: { plan: 'gold' } });
    app.clock.advance(15 * MINUTE);
    expect(await app.recommendations.writeSnapshotIfDue()).toBeDefined();
  });

  it('writes one after an erasure, since a snapshot from before it is not read at start', async () => {
    const app = await scheduledNode();
    await app.track(orderCompleted('u1', 'o1', ['a', 'b']), orderCompleted('u2', 'o2', ['a', 'c']));
    app.clock.advance(15 * MINUTE);
    expect(await app.recommendations.writeSnapshotIfDue()).toBeDefined();
    await app.profiles.erase('u1');
    await app.recommendations.rebuild();
    app.clock.advance(15 * MINUTE);
    expect(await app.recommendations.writeSnapshotIfDue()).toBeDefined();
  });

  it('writes one once enough events were learnt, whatever the time', async () => {
    const app = await scheduledNode();
    await app.track(orderCompleted('u1', 'o1', ['a', 'b']));
    expect(await app.recommendations.writeSnapshotIfDue()).toBeUndefined();
    await app.track(orderCompleted('u2', 'o2', ['a', 'c']), orderCompleted('u3', 'o3', ['b', 'c']));
    expect(await app.recommendations.writeSnapshotIfDue()).toBeDefined();
  });
});
