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

/** What a write waits for before it is answered: the WAL sync, and which statements wrote. */
export interface GroupCommit {
  readonly wal: WalSync;
  readonly wrote: () => boolean;
  /** The worker that checkpoints the WAL, stopped before the connection closes. */
  readonly checkpoints?: { close(): Promise<void> };
}

/**
 * Kysely's SQLite dialect, with the single connection handed out first come, first served, and
 * with group commit when given one: when a query or transaction that wrote hands the connection
 * back, the next query may start at once, and the caller's promise waits for the WAL sync
 * ({@link WalSync}) that puts the write on disk.
 */
export class SerialSqliteDialect extends SqliteDialect {
  constructor(
    config: SqliteDialectConfig,
    private readonly groupCommit?: GroupCommit,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new SerialDriver(super.createDriver(), this.groupCommit);
  }
}

/**
 * Kysely's own SQLite driver wakes every waiting query each time the connection comes free, and all
 * but one wait again: with a hundred queries waiting (a journey group decided side by side), that
 * cost more than the queries. Here waiters queue, and a release wakes only the next.
 */
class SerialDriver implements Driver {
  readonly #waiting: (() => void)[] = [];
  #busy = false;

  constructor(
    private readonly inner: Driver,
    private readonly groupCommit: GroupCommit | undefined,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#busy) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#busy = true;
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
    const wrote = this.groupCommit?.wrote() ?? false;
    await this.inner.releaseConnection(connection);
    const next = this.#waiting.shift();
    if (next === undefined) this.#busy = false;
    else next();
    if (wrote) await this.groupCommit?.wal.sync();
  }

  async destroy(): Promise<void> {
    await this.groupCommit?.checkpoints?.close();
    await this.inner.destroy();
    await this.groupCommit?.wal.close();
  }
}
