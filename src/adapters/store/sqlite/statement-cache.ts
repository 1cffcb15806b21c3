import type SqliteDatabase from 'better-sqlite3';

/**
 * better-sqlite3 compiles a statement on every `prepare`, and Kysely prepares on every query. This
 * keeps the most recent statements by their SQL text, so a query Attune runs again (the ingestion
 * path runs the same few hundred times a second) skips the compile.
 */
export function withStatementCache(
  database: SqliteDatabase.Database,
  capacity = 500,
): SqliteDatabase.Database {
  const statements = new Map<string, SqliteDatabase.Statement>();
  const prepare = (source: string): SqliteDatabase.Statement => {
    let statement = statements.get(source);
    if (statement === undefined) {
      statement = database.prepare(source);
      if (statements.size >= capacity) statements.delete(statements.keys().next().value as string);
      statements.set(source, statement);
    }
    return statement;
  };
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
