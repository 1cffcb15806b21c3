import { afterEach, describe, expect, it } from 'vitest';
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

describe('a bus relayed through the store', () => {
  it("delivers a command's messages to a following node, once each, and not those from before it started", async () => {
    const store = await sharedStore();
    const command = new StoreRelayPublisher(new InProcessEventBus(), store, clock);
    await command.publish('catalog', { origin: 'command', kind: 'products', ids: ['before'] });

    const nodeBus = new InProcessEventBus();
    const heard: CatalogChanged[] = [];
    await nodeBus.subscribe('catalog', (payload) => void heard.push(payload));
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
