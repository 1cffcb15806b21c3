import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { withPostgres } from './services.js';

/** One file a store keeps its data in, as it is on disk. */
export interface StoreFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/** Every file of an embedded store's folder (the database, its WAL and shared memory). */
export function sqliteFiles(dataDir: string): StoreFile[] {
  return readdirSync(dataDir).map((name) => ({ name, bytes: readFileSync(join(dataDir, name)) }));
}

/**
 * The table, index and TOAST files of every relation in a PostgreSQL schema, as on disk, after a
 * checkpoint has written every changed page there. Read through `pg_read_binary_file` (the test
 * user is a superuser; the files belong to the server's user), paths from `pg_relation_filepath`.
 * `url`: the database that holds the schema, the test database unless told.
 */
export async function postgresFiles(schema: string, url?: string): Promise<StoreFile[]> {
  return withPostgres(async (client) => {
    await client.query('checkpoint');
    const { rows } = await client.query<{ name: string; path: string }>(
      `with own as (
         select c.oid, c.reltoastrelid from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = $1 and c.relkind in ('r', 'i')
       ), relations as (
         select oid from own
         union select reltoastrelid from own where reltoastrelid <> 0
         union select i.indexrelid from own join pg_index i on i.indrelid = own.reltoastrelid
       )
       select oid::regclass::text as name, pg_relation_filepath(oid) as path from relations`,
      [schema],
    );
    const files: StoreFile[] = [];
    for (const { name, path } of rows) {
      const read = await client.query<{ bytes: Buffer | null }>(
        'select pg_read_binary_file($1::text) as bytes',
        [path],
      );
      files.push({ name, bytes: read.rows[0]?.bytes ?? Buffer.alloc(0) });
    }
    return files;
  }, url);
}

/** The files (by name) in which any of the needles appears. */
export function filesNaming(files: readonly StoreFile[], needles: readonly string[]): string[] {
  return files
    .filter((file) => needles.some((needle) => file.bytes.includes(needle)))
    .map((file) => file.name);
}
