import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationProvider } from '../migrations/index.js';
import type { Database } from './database.js';
import { CUSTOMER_KEY_TABLES } from './erase-profile.js';
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

  it('covers every column naming a customer (profile, user, customer, anonymous id or key) in erasure', async () => {
    const covered = new Set([
      'profiles.id',
      'profiles.user_id',
      ...PROFILE_TABLES.map(({ table, column }) => `${table}.${column}`),
      ...CUSTOMER_KEY_TABLES.map(({ table, column }) => `${table}.${column}`),
      // The profile merged away no longer exists; its merge row goes with the one it joined (to_profile_id).
      'profile_merges.from_profile_id',
      // A journey step's userId (whom its message names) goes with the step, which its profile_id finds.
      'journey_steps.user_id',
    ]);
    // Console users are the merchant's staff, not customers: their sessions are not a customer's data.
    const staff = new Set(['console_sessions.user_id']);
    const naming = (await db.introspection.getTables()).flatMap((table) =>
      table.columns
        .filter((column) =>
          /(^|_)(profile|user|customer|anonymous|visitor)(_(id|ids|key|hash))?$/.test(column.name),
        )
        .map((column) => `${table.name}.${column.name}`)
        .filter((name) => !staff.has(name)),
    );
    // profiles.id is the profile itself, named `id`: the pattern is for columns that point at one.
    expect(naming.sort()).toEqual([...covered].filter((entry) => entry !== 'profiles.id').sort());
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
