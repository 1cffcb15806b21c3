import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import type { Store } from '../../../ports/store.js';
import type { Database } from '../kysely/database.js';
import { createSqlStore } from '../kysely/sql-store.js';
import { SerialSqliteDialect, trackWrites } from './serial-dialect.js';
import { withStatementCache } from './statement-cache.js';
import { WalCheckpoints } from './wal-checkpoints.js';
import { WalSync, type FileSync } from './wal-sync.js';

/**
 * The embedded store: one SQLite file (or `:memory:` for tests), in WAL mode with group commit
 * (`serial-dialect.ts`): a write's promise resolves once the WAL holding it is synced to disk, so a
 * write is on disk before it is acknowledged and survives a crash of the process or the machine,
 * while the syncs run off the event loop and concurrent writes share one.
 */
export function createSqliteStore(filename: string, options: { readonly syncFile?: FileSync } = {}): Store {
  const inMemory = filename === ':memory:';
  if (!inMemory) mkdirSync(dirname(filename), { recursive: true });
  const database = new SqliteDatabase(filename);
  database.pragma('journal_mode = WAL');
  // Commits write the WAL without waiting for the disk; WalSync waits, off the event loop.
  database.pragma(inMemory ? 'synchronous = FULL' : 'synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // A larger page cache and fewer, larger checkpoints: ingestion commits touch pages all over the
  // randomly keyed indexes, and folding the WAL back after every commit doubled that work. The
  // checkpoints run on a worker thread (`wal-checkpoints.ts`).
  database.pragma('cache_size = -65536');
  const checkpoints = inMemory ? undefined : WalCheckpoints.start(database, filename);
  // Deleted rows are overwritten with zeros, so an erased customer leaves nothing in free pages.
  database.pragma('secure_delete = ON');
  const cached = withStatementCache(database);
  const writes = inMemory ? undefined : trackWrites(cached);
  const dialect =
    writes === undefined
      ? new SerialSqliteDialect({ database: cached })
      : new SerialSqliteDialect(
          { database: writes.database },
          {
            wal: new WalSync(`${filename}-wal`, options.syncFile),
            wrote: writes.takeWrote,
            ...(checkpoints !== undefined && { checkpoints }),
          },
        );
  const db = new Kysely<Database>({ dialect });
  return createSqlStore('sqlite', db, {
    // After an erasure, fold the WAL into the database and truncate it: old page images go with it.
    // Through Kysely, so it waits its turn on the connection rather than cutting into a transaction.
    afterErase: async () => {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    },
  });
}
