import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Store } from '../../../ports/store.js';
import type { Database } from '../kysely/database.js';
import { createSqlStore } from '../kysely/sql-store.js';
import { withStatementCache } from './statement-cache.js';

/**
 * The embedded store: one SQLite file (or `:memory:` for tests). WAL with `synchronous = FULL`, so a
 * write is on disk before it is acknowledged and survives a crash of the process or the machine.
 */
export function createSqliteStore(filename: string): Store {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const database = new SqliteDatabase(filename);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // A larger page cache and fewer, larger checkpoints: ingestion commits touch pages all over the
  // randomly keyed indexes, and folding the WAL back after every commit doubled that work.
  database.pragma('cache_size = -65536');
  database.pragma('wal_autocheckpoint = 4000');
  // Deleted rows are overwritten with zeros, so an erased customer leaves nothing in free pages.
  database.pragma('secure_delete = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return createSqlStore('sqlite', db, {
    // After an erasure, fold the WAL into the database and truncate it: old page images go with it.
    // Through Kysely, so it waits its turn on the connection rather than cutting into a transaction.
    afterErase: async () => {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    },
  });
}
