import { sql, type Kysely } from 'kysely';
import type { Database } from '../kysely/database.js';

/**
 * How PostgreSQL is made to forget erased rows. A deleted row stays in the table file as a dead
 * tuple until a vacuum, and a plain VACUUM frees its space without overwriting it: the bytes stay
 * readable in the page until new rows happen to land there. `full` rewrites each table the erasure
 * touched into new files (VACUUM FULL), so a page dump finds nothing, at the price of holding each
 * table exclusively while it is copied (time grows with the table); `plain` only vacuums.
 */
export type ErasureVacuum = 'full' | 'plain';

/** How long a purge waits for transactions older than the erasure to end, and how often it looks. */
const HORIZON_WAIT_MS = 10_000;
const HORIZON_POLL_MS = 50;

/**
 * Vacuums the tables an erasure touched, once no transaction that might still see the erased rows
 * is open (a vacuum keeps rows an open snapshot could read). Runs outside any transaction, as
 * VACUUM must. Waits at most ten seconds for old transactions; after that it vacuums what it can.
 */
export async function purgeErasedRows(
  db: Kysely<Database>,
  tables: readonly string[],
  mode: ErasureVacuum,
): Promise<void> {
  await waitForOlderTransactions(db);
  const list = sql.join(tables.map((table) => sql.table(table)));
  await (mode === 'full' ? sql`vacuum (full) ${list}` : sql`vacuum ${list}`).execute(db);
}

async function waitForOlderTransactions(db: Kysely<Database>): Promise<void> {
  // Every transaction id below this one had begun before the erasure committed (or is the erasure).
  const { rows } = await sql<{ horizon: string }>`
    select (pg_snapshot_xmax(pg_current_snapshot())::text::bigint % 4294967296)::text as horizon
  `.execute(db);
  const horizon = rows[0]?.horizon ?? '0';
  for (let waited = 0; waited < HORIZON_WAIT_MS; waited += HORIZON_POLL_MS) {
    // A snapshot holds rows back only in its own database; a transaction that wrote (it has an xid)
    // holds them back in every database of the server, as a test with one open elsewhere showed.
    const { rows: older } = await sql<{ count: number }>`
      select count(*)::int as count from pg_stat_activity
      where pid <> pg_backend_pid()
        and ((datname = current_database() and age(backend_xmin) > age(${horizon}::xid))
          or age(backend_xid) > age(${horizon}::xid))
    `.execute(db);
    if ((older[0]?.count ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, HORIZON_POLL_MS));
  }
}
