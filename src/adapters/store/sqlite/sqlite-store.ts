import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Store } from '../../../ports/store.js';
import type { Database } from '../kysely/database.js';
import { createSqlStore } from '../kysely/sql-store.js';

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
  return createSqlStore('sqlite', new Kysely<Database>({ dialect: new SqliteDialect({ database }) }));
}
