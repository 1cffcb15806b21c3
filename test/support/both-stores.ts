import { createTestPostgresStore, postgresUrl } from './services.js';
import { startTestAttune, type TestAttune } from './test-attune.js';

/** A way to start a test node on one store, for suites that must hold on SQLite and PostgreSQL. */
export interface StoreSetup {
  readonly name: 'SQLite' | 'PostgreSQL';
  /** False when the store's service is not reachable (the suite is skipped, see global-setup.ts). */
  readonly available: boolean;
  readonly start: (settings?: Record<string, string>) => Promise<TestAttune>;
}

/** The embedded store and PostgreSQL (in a schema of its own, dropped on dispose). */
export const BOTH_STORES: readonly StoreSetup[] = [
  { name: 'SQLite', available: true, start: (settings = {}) => startTestAttune(settings) },
  {
    name: 'PostgreSQL',
    available: postgresUrl !== null,
    start: async (settings = {}) => {
      const created = await createTestPostgresStore();
      const node = await startTestAttune(
        { DATABASE_URL: postgresUrl as string, ...settings },
        { store: created.store },
      );
      return {
        ...node,
        async dispose() {
          await node.dispose();
          await created.drop();
        },
      };
    },
  },
];
