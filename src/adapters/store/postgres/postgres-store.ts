import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Store } from '../../../ports/store.js';
import type { Database } from '../kysely/database.js';
import { createSqlStore } from '../kysely/sql-store.js';
import { purgeErasedRows, type ErasureVacuum } from './purge-erased.js';

export interface PostgresStoreOptions {
  readonly connectionString: string;
  /** A schema to work in instead of the connection's default (tests use one schema each). */
  readonly schema?: string;
  readonly maxConnections?: number;
  /**
   * Told when a pooled connection fails (PostgreSQL restarted, or an operator ended the backend).
   * The pool drops that connection and opens a new one when next needed; a statement it was running
   * fails on its own.
   */
  readonly onConnectionError?: (error: Error) => void;
  /** How erased rows are purged from the table files (see {@link ErasureVacuum}); `full` unless told. */
  readonly erasureVacuum?: ErasureVacuum;
}

// BIGINT columns hold epoch milliseconds and minor units: well inside the safe-integer range.
const INT8_OID = 20;
const builtinParser = pg.types.getTypeParser.bind(pg.types) as (
  oid: number,
  format?: string,
) => (value: string) => unknown;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : builtinParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** The production store: PostgreSQL, shared by any number of Attune nodes. */
export function createPostgresStore(options: PostgresStoreOptions): Store {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    types,
    ...(options.schema !== undefined && { options: `-c search_path=${options.schema}` }),
  });
  // Without a listener, node-postgres re-emits an idle client's error as an uncaught 'error' event,
  // and a database restart would take the whole process down with it.
  pool.on('error', (error) => options.onConnectionError?.(error));
  // The pool listens only to idle clients. A client checked out when the connection drops (inside
  // a transaction, between two statements) emits 'error' on itself, with no listener: uncaught, it
  // would end the process. Its query or transaction fails on its own; the error needs a listener.
  pool.on('connect', (client) => client.on('error', (error) => options.onConnectionError?.(error)));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return createSqlStore('postgres', db, {
    afterErase: (tables) => purgeErasedRows(db, tables, options.erasureVacuum ?? 'full'),
  });
}
