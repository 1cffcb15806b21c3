import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationProvider } from '../migrations/index.js';
import type { Database } from './database.js';
import { PROFILE_TABLES } from './profile-tables.js';

/** The schema as the migrations make it; SQLite and PostgreSQL get the same tables and columns. */
describe('the tables a profile owns (PROFILE_TABLES)', () => {
  let db: Kysely<Database>;
  beforeAll(async () => {
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }) });
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
    expect(error).toBeUndefined();
  });
  afterAll(() => db.destroy());

  it('names every table with a column naming a profile, so erasure and merges miss none', async () => {
    const tables = await db.introspection.getTables();
    const naming = tables
      .filter((table) => table.name !== 'profiles')
      .filter((table) => table.columns.some((column) => /(^|_)profile_id$/.test(column.name)))
      .map((table) => table.name)
      .sort();
    expect(naming.length).toBeGreaterThan(0);
    expect([...new Set(PROFILE_TABLES.map((entry) => entry.table))].sort()).toEqual(naming);
  });

  it('finds a profile’s rows in each of them through an index, not a scan', async () => {
    for (const { table, column } of PROFILE_TABLES) {
      const { rows } = await sql<{ detail: string }>`explain query plan select 1 from ${sql.table(
        table,
      )} where ${sql.ref(column)} = ${'p1'}`.execute(db);
      expect(
        rows.some((row) => /USING (COVERING )?INDEX|PRIMARY KEY/.test(row.detail)),
        `${table}.${column}`,
      ).toBe(true);
    }
  });
});
