import { afterEach } from 'vitest';
import { InProcessEventBus } from '../../src/adapters/bus/in-process-event-bus.js';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { startApp, type AppFixture, type AppFixtureOptions } from './app-fixture.js';
import { createTestPostgresStore } from './services.js';

/** Starts a node of one shop; every node it starts shares the shop's store, bus and clock. */
export type ShopNodes = (options?: AppFixtureOptions) => Promise<AppFixture>;

/**
 * Each store a node can run on, by name, with a way to open a shop on it (SQLite in a folder of its
 * own, PostgreSQL in a schema of its own). The nodes are closed after each test, the latest first,
 * then the shops' stores are dropped. A PostgreSQL case is to be skipped when `postgresUrl` is null.
 */
export function useShopOnEachStore(): [string, () => Promise<ShopNodes>][] {
  const opened: AppFixture[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const node of opened.splice(0).reverse()) await node.close();
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  return [
    [
      'SQLite',
      async () => {
        let first: AppFixture | undefined;
        return async (options = {}) => {
          const node = await startApp({ ...options, ...(first !== undefined && { sharedWith: first }) });
          first ??= node;
          opened.push(node);
          return node;
        };
      },
    ],
    [
      'PostgreSQL',
      async () => {
        const { store, drop } = await createTestPostgresStore();
        const bus = new InProcessEventBus((error) => console.error(error));
        cleanups.push(async () => {
          await bus.close();
          await drop();
        });
        const shared = { store, bus, clock: new ManualClock('2026-03-02T10:00:00.000Z') };
        return async (options = {}) => {
          const node = await startApp({ ...options, sharedWith: shared });
          opened.push(node);
          return node;
        };
      },
    ],
  ];
}
