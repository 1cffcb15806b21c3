import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InsertTemplate } from './insert-template.js';

interface Row {
  id: string;
  note: string | null;
  version: number;
}

interface Tables {
  rows: Row;
}

/** Rows written only when new, or when one step past the stored version (a constant after the rows). */
const upsert = (columns: readonly (keyof Row)[]) =>
  new InsertTemplate<Tables, Row>(columns, (db, rows) =>
    db
      .insertInto('rows')
      .values(rows)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({ note: eb.ref('excluded.note'), version: eb.ref('excluded.version') }))
          .where((eb) => eb(eb.ref('rows.version'), '=', eb(eb.ref('excluded.version'), '-', 1))),
      )
      .returning(['id', 'version']),
  );

describe('InsertTemplate', () => {
  let db: Kysely<Tables>;
  beforeEach(async () => {
    db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }) });
    await db.schema
      .createTable('rows')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('note', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
  });
  afterEach(() => db.destroy());

  it('writes what the statement Kysely builds writes, binding each call its own rows', async () => {
    const template = upsert(['id', 'note', 'version']);
    const run = (rows: Row[]) => template.execute<{ id: string; version: number }>(db, rows);
    expect(
      await run([
        { id: 'a', note: null, version: 1 },
        { id: 'b', note: 'x', version: 1 },
      ]),
    ).toEqual([
      { id: 'a', version: 1 },
      { id: 'b', version: 1 },
    ]);
    // The same row count again: the text compiled for two rows, with these rows' values and the `- 1`.
    expect(
      await run([
        { id: 'a', note: 'y', version: 2 },
        { id: 'b', note: 'z', version: 5 },
      ]),
    ).toEqual([{ id: 'a', version: 2 }]);
    expect(await run([{ id: 'c', note: 'w', version: 1 }])).toEqual([{ id: 'c', version: 1 }]);
    expect(await db.selectFrom('rows').selectAll().orderBy('id').execute()).toEqual([
      { id: 'a', note: 'y', version: 2 },
      { id: 'b', note: 'x', version: 1 },
      { id: 'c', note: 'w', version: 1 },
    ]);
  });

  it('refuses columns out of the order the statement binds them, writing nothing', async () => {
    const template = upsert(['note', 'id', 'version']);
    await expect(template.execute(db, [{ id: 'a', note: 'n', version: 1 }])).rejects.toThrow(
      /not the statement's parameters/,
    );
    expect(await db.selectFrom('rows').selectAll().execute()).toEqual([]);
  });
});
