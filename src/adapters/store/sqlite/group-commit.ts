import type SqliteDatabase from 'better-sqlite3';
import { SqliteDialect, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import type { WalSync } from './wal-sync.js';

/**
 * Which statements wrote: better-sqlite3 knows whether a statement is read-only (transaction control
 * counts as read-only), and Kysely prepares every query it runs.
 */
export function trackWrites(database: SqliteDatabase.Database): {
  readonly database: SqliteDatabase.Database;
  /** Whether a statement that writes was prepared since the last call. */
  readonly takeWrote: () => boolean;
} {
  let wrote = false;
  const tracked = new Proxy(database, {
    get(target, property, receiver) {
      if (property === 'prepare')
        return (source: string) => {
          const statement = target.prepare(source);
          if (!statement.readonly) wrote = true;
          return statement;
        };
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    database: tracked,
    takeWrote: () => {
      const answer = wrote;
      wrote = false;
      return answer;
    },
  };
}

/**
 * Kysely's SQLite dialect with group commit: when a query or transaction that wrote hands the
 * connection back, the next query may start at once, and the caller's promise waits for the WAL
 * sync ({@link WalSync}) that puts the write on disk.
 */
export class GroupCommitSqliteDialect extends SqliteDialect {
  constructor(
    config: SqliteDialectConfig,
    private readonly wrote: () => boolean,
    private readonly wal: WalSync,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new GroupCommitDriver(super.createDriver(), this.wrote, this.wal);
  }
}

class GroupCommitDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly wrote: () => boolean,
    private readonly wal: WalSync,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    return this.inner.acquireConnection();
  }

  beginTransaction(...args: Parameters<Driver['beginTransaction']>): Promise<void> {
    return this.inner.beginTransaction(...args);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }

  async savepoint(...args: Parameters<NonNullable<Driver['savepoint']>>): Promise<void> {
    await this.inner.savepoint?.(...args);
  }

  async rollbackToSavepoint(...args: Parameters<NonNullable<Driver['rollbackToSavepoint']>>): Promise<void> {
    await this.inner.rollbackToSavepoint?.(...args);
  }

  async releaseSavepoint(...args: Parameters<NonNullable<Driver['releaseSavepoint']>>): Promise<void> {
    await this.inner.releaseSavepoint?.(...args);
  }

  /** Hands the connection back first, so others need not wait for the disk, then waits for it. */
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const wrote = this.wrote();
    await this.inner.releaseConnection(connection);
    if (wrote) await this.wal.sync();
  }

  async destroy(): Promise<void> {
    await this.inner.destroy();
    await this.wal.close();
  }
}
