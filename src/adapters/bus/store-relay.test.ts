import { afterEach, describe, expect, it } from 'vitest';
import type { RelayedMessage, RelayStore } from '../../ports/relay-store.js';
import type { CatalogChanged } from '../../ports/topics.js';
import { createSqliteStore } from '../store/sqlite/sqlite-store.js';
import { InProcessEventBus } from './in-process-event-bus.js';
import { StoreRelayFollower, StoreRelayPublisher } from './store-relay.js';

const clock = { now: () => Date.parse('2026-03-01T12:00:00Z') };
const stores: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

async function sharedStore() {
  const store = createSqliteStore(':memory:');
  stores.push(store);
  await store.migrate();
  return store;
}

/** A serving node following the relay: what its catalogue subscriber hears (ids, or `missed`). */
async function followingNode(store: RelayStore) {
  const nodeBus = new InProcessEventBus();
  const heard: (readonly string[] | 'missed')[] = [];
  await nodeBus.subscribe('catalog', ({ ids }) => void heard.push(ids), {
    onMissed: () => void heard.push('missed'),
  });
  const follower = new StoreRelayFollower(store, nodeBus, { intervalMs: 60_000, onError: () => {} });
  await follower.startFromNow();
  // Closing waits for the subscriber to have handled everything.
  return { heard, follower, handled: () => nodeBus.close() };
}

describe('a bus relayed through the store', () => {
  it("delivers a command's messages to a following node, once each, and not those from before it started", async () => {
    const store = await sharedStore();
    const command = new StoreRelayPublisher(new InProcessEventBus(), store, clock);
    await command.publish('catalog', { origin: 'command', kind: 'products', ids: ['before'] });

    const nodeBus = new InProcessEventBus();
    const heard: (CatalogChanged | 'missed')[] = [];
    await nodeBus.subscribe('catalog', (payload) => void heard.push(payload), {
      onMissed: () => void heard.push('missed'),
    });
    const follower = new StoreRelayFollower(store, nodeBus, { intervalMs: 60_000, onError: () => {} });
    await follower.startFromNow();
    await command.publish('catalog', { origin: 'command', kind: 'products', ids: ['p1', 'p2'] });
    await command.publish('catalog', { origin: 'command', kind: 'stock', ids: ['p1'] });
    await follower.poll();
    await follower.poll();
    await nodeBus.close();

    expect(heard).toEqual([
      { origin: 'command', kind: 'products', ids: ['p1', 'p2'] },
      { origin: 'command', kind: 'stock', ids: ['p1'] },
    ]);
    await follower.stop();
  });

  it('has subscribers catch up when messages were pruned before the node read them', async () => {
    const store = await sharedStore();
    const { heard, follower, handled } = await followingNode(store);
    const command = new StoreRelayPublisher(new InProcessEventBus(), store, clock);
    await command.publish('catalog', { origin: 'command', kind: 'products', ids: ['p1'] });
    await follower.poll();
    // The node is paused past what the relay keeps: these two go, but for the newest.
    await command.publish('catalog', { origin: 'command', kind: 'products', ids: ['p2'] });
    await command.publish('catalog', { origin: 'command', kind: 'stock', ids: ['p3'] });
    await store.pruneRelayed(clock.now() + 1);
    await follower.poll();
    await command.publish('catalog', { origin: 'command', kind: 'stock', ids: ['p4'] });
    await follower.poll();
    await handled();

    expect(heard).toEqual([['p1'], 'missed', ['p3'], ['p4']]);
  });

  it('has subscribers catch up when a message commits after a newer one it has read', async () => {
    // PostgreSQL hands out seqs before commit: two commands relaying at once can commit out of order.
    const rows: RelayedMessage[] = [];
    const relay = (seq: number, id: string) =>
      rows.push({
        seq,
        topic: 'catalog',
        payload: JSON.stringify({ origin: 'c', kind: 'stock', ids: [id] }),
        createdAt: 0,
      });
    const store: RelayStore = {
      relayMessage: () => Promise.resolve(),
      relayedAfter: (after, limit) =>
        Promise.resolve(
          rows
            .filter(({ seq }) => seq > after)
            .sort((a, b) => a.seq - b.seq)
            .slice(0, limit),
        ),
      lastRelayedSeq: () => Promise.resolve(Math.max(0, ...rows.map(({ seq }) => seq))),
      pruneRelayed: () => Promise.resolve(),
    };
    const { heard, follower, handled } = await followingNode(store);
    relay(1, 'a');
    relay(3, 'c');
    await follower.poll();
    relay(2, 'b');
    relay(4, 'd');
    await follower.poll();
    await handled();

    // `b` itself never arrives (the node has moved past it); the catch-up before `c` reads its change.
    expect(heard).toEqual([['a'], 'missed', ['c'], ['d']]);
  });

  it("also delivers to the command's own subscribers, as any bus does", async () => {
    const store = await sharedStore();
    const command = new StoreRelayPublisher(new InProcessEventBus(), store, clock);
    const heard: string[] = [];
    await command.subscribe('keys', ({ keyId }) => void heard.push(keyId));
    await command.publish('keys', { keyId: 'key_1' });
    await command.close();
    expect(heard).toEqual(['key_1']);
    expect((await store.relayedAfter(0, 10)).map((message) => message.topic)).toEqual(['keys']);
  });
});
