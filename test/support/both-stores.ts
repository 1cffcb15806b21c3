import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { createPostgresStore } from '../../src/adapters/store/postgres/postgres-store.js';
import { createTestPostgresStore, postgresUrl, uniqueName, withPostgres } from './services.js';
import type { AttuneOverrides } from '../../src/main.js';
import { startTestAttune, type TestAttune } from './test-attune.js';

/** One store's data that several nodes start on in turn (a restart), and that a test may edit. */
export interface SharedStore {
  /** Starts a node on this data; the caller disposes it, and the data stays. */
  startNode(settings?: Record<string, string>): Promise<TestAttune>;
  /** Runs SQL straight on the store's tables, as an operator (or a bug) could. `?` placeholders. */
  execute(statement: string, params?: readonly unknown[]): Promise<void>;
  /** Removes the data. */
  dispose(): Promise<void>;
}

/** A way to start a test node on one store, for suites that must hold on SQLite and PostgreSQL. */
export interface StoreSetup {
  readonly name: 'SQLite' | 'PostgreSQL';
  /** False when the store's service is not reachable (the suite is skipped, see global-setup.ts). */
  readonly available: boolean;
  readonly start: (settings?: Record<string, string>, overrides?: AttuneOverrides) => Promise<TestAttune>;
  readonly openShared: () => Promise<SharedStore>;
}

/** The embedded store and PostgreSQL (in a schema of its own, dropped on dispose). */
export const BOTH_STORES: readonly StoreSetup[] = [
  {
    name: 'SQLite',
    available: true,
    start: (settings = {}, overrides = {}) => startTestAttune(settings, overrides),
    openShared: () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'attune-shared-'));
      return Promise.resolve({
        startNode: (settings = {}) => startTestAttune(settings, { dataDir }),
        execute: (statement, params = []) => {
          const database = new SqliteDatabase(join(dataDir, 'attune.db'));
          try {
            database.prepare(statement).run(...params);
          } finally {
            database.close();
          }
          return Promise.resolve();
        },
        dispose: () => {
          rmSync(dataDir, { recursive: true, force: true });
          return Promise.resolve();
        },
      });
    },
  },
  {
    name: 'PostgreSQL',
    available: postgresUrl !== null,
    start: async (settings = {}, overrides = {}) => {
      const created = await createTestPostgresStore();
      const node = await startTestAttune(
        { DATABASE_URL: postgresUrl as string, ...settings },
        { ...overrides, store: created.store },
      );
      return {
        ...node,
        async dispose() {
          await node.dispose();
          await created.drop();
        },
      };
    },
    openShared: async () => {
      const url = postgresUrl as string;
      const schema = uniqueName('attune_test');
      await withPostgres((client) => client.query(`create schema ${schema}`));
      return {
        startNode: (settings = {}) =>
          startTestAttune(
            { DATABASE_URL: url, ...settings },
            { store: createPostgresStore({ connectionString: url, schema, maxConnections: 4 }) },
          ),
        execute: async (statement, params = []) => {
          let placeholder = 0;
          const numbered = statement.replaceAll('?', () => `$${(placeholder += 1)}`);
          await withPostgres(async (client) => {
            await client.query(`set search_path to ${schema}`);
            await client.query(numbered, [...params]);
          });
        },
        dispose: () =>
          withPostgres((client) => client.query(`drop schema if exists ${schema} cascade`)).then(() => {}),
      };
    },
  },
];
