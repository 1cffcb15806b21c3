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

/**
 * A migrated PostgreSQL store in a schema of its own; `drop` removes the schema. With
 * `ownDatabase`, the schema is in a database of its own (`url`): a vacuum there waits only for its
 * own transactions, not for every other suite's in the shared test database.
 */
export async function createTestPostgresStore(options: { ownDatabase?: boolean } = {}): Promise<{
  store: Store;
  schema: string;
  url: string;
  drop: () => Promise<void>;
}> {
  if (postgresUrl === null) throw new Error('PostgreSQL is not available');
  const schema = uniqueName('attune_test');
  const url = new URL(postgresUrl);
  if (options.ownDatabase === true) {
    await withPostgres((client) => client.query(`create database ${schema}`));
    url.pathname = `/${schema}`;
  }
  await withPostgres((client) => client.query(`create schema ${schema}`), url.href);
  const store = createPostgresStore({ connectionString: url.href, schema, maxConnections: 4 });
  await store.migrate();
  return {
    store,
    schema,
    url: url.href,
    drop: async () => {
      await store.close().catch(() => {});
      await (options.ownDatabase === true
        ? withPostgres((client) => client.query(`drop database if exists ${schema} with (force)`))
        : withPostgres((client) => client.query(`drop schema if exists ${schema} cascade`)));
    },
  };
}

/**
 * Runs `work` with a plain PostgreSQL client (for setup and for inspecting what the store wrote),
 * on the test database unless told another `url`.
 */
export async function withPostgres<T>(
  work: (client: pg.Client) => Promise<T>,
  url: string | undefined = postgresUrl ?? undefined,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
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
