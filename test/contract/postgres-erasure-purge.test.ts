import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/adapters/store/kysely/database.js';
import { purgeErasedRows } from '../../src/adapters/store/postgres/purge-erased.js';
import { postgresUrl, uniqueName, withPostgres } from '../support/services.js';

const NEEDLE = 'erased-needle-5150';

describe.skipIf(postgresUrl === null)('the purge after an erasure, on PostgreSQL', () => {
  const name = uniqueName('attune_purge');
  let db: Kysely<Database>;
  let url: string;

  beforeAll(async () => {
    await withPostgres((client) => client.query(`create database ${name}`));
    const own = new URL(postgresUrl as string);
    own.pathname = `/${name}`;
    url = own.href;
    db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }),
    });
  });
  afterAll(async () => {
    await db?.destroy();
    await withPostgres((client) => client.query(`drop database if exists ${name} with (force)`));
  });

  it('waits for a transaction that wrote in another database of the server, which holds the erased rows back', async () => {
    await sql`create table kept (note text)`.execute(db);
    await sql`insert into kept values (${NEEDLE}), ('someone else')`.execute(db);
    // A writer elsewhere on the server, open from before the erasure until a moment after it.
    const writer = new pg.Client({ connectionString: postgresUrl as string });
    await writer.connect();
    await writer.query('begin');
    await writer.query('select txid_current()');
    await sql`delete from kept where note = ${NEEDLE}`.execute(db);
    const released = new Promise((resolve) => setTimeout(resolve, 1_500)).then(async () => {
      await writer.query('rollback');
      await writer.end();
    });

    await purgeErasedRows(db, ['kept'], 'full');
    await released;

    await withPostgres(async (client) => {
      await client.query('checkpoint');
      const { rows } = await client.query<{ at: number }>(
        `select position($1::bytea in pg_read_binary_file(pg_relation_filepath('kept'))) as at`,
        [Buffer.from(NEEDLE)],
      );
      expect(rows[0]?.at).toBe(0);
    }, url);
  });
});
