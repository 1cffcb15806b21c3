import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPostgresStore } from '../../src/adapters/store/postgres/postgres-store.js';
import type { Store } from '../../src/ports/store.js';

/** The PostgreSQL URL for tests, or null when those suites are skipped (see global-setup.ts). */
export const postgresUrl = inject('postgresUrl');
/** The Redis URL for tests, or null when those suites are skipped (see global-setup.ts). */
export const redisUrl = inject('redisUrl');

/** A fresh name for per-test schemas and key prefixes. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** A migrated PostgreSQL store in a schema of its own; `drop` removes the schema. */
export async function createTestPostgresStore(): Promise<{
  store: Store;
  schema: string;
  drop: () => Promise<void>;
}> {
  if (postgresUrl === null) throw new Error('PostgreSQL is not available');
  const schema = uniqueName('attune_test');
  await withPostgres((client) => client.query(`create schema ${schema}`));
  const store = createPostgresStore({ connectionString: postgresUrl, schema, maxConnections: 4 });
  await store.migrate();
  return {
    store,
    schema,
    drop: async () => {
      await store.close().catch(() => {});
      await withPostgres((client) => client.query(`drop schema if exists ${schema} cascade`));
    },
  };
}

/** Runs `work` with a plain PostgreSQL client (for setup and for inspecting what the store wrote). */
export async function withPostgres<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl ?? undefined });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Deletes every Redis key under `prefix` (what a test's bus left behind). */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  if (redisUrl === null) return;
  const { Redis } = await import('ioredis');
  const client = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await client.quit();
  }
}
