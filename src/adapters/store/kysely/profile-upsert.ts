import { PostgresAdapter, type Transaction } from 'kysely';
import { WriteConflict, type ProfileWrite } from '../../../ports/store.js';
import type { Database, ProfileTable } from './database.js';
import { InsertTemplate } from './insert-template.js';
import { orderColumns, profileRow, profileValueRows, writeProfileValues } from './profile-rows.js';

/**
 * Writes one chunk of profiles (in id order) and their lifetime values, and answers their new
 * versions. Profiles whose orders did not change keep their lifetime values as stored and, on
 * SQLite, their indexed order columns too (a statement of their own). PostgreSQL writes the chunk
 * in one statement, so rows are locked in id order; an unchanged value there touches no index.
 * @throws WriteConflict when a profile changed meanwhile.
 */
export async function writeProfileChunk(
  trx: Transaction<Database>,
  chunk: readonly ProfileWrite[],
  now: number,
): Promise<Map<string, number>> {
  const [changed, unchanged] = partition(chunk, (write) => !hasSameOrderFacts(write));
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  const versions = postgres
    ? await upsertProfiles(trx, chunk, now, true)
    : new Map([
        ...(await upsertProfiles(trx, changed, now, true)),
        ...(await upsertProfiles(trx, unchanged, now, false)),
      ]);
  await writeProfileValues(trx, changed);
  return versions;
}

/**
 * Writes one chunk of profiles in one statement, each only if still at the version read, and
 * answers their new versions. `orderFactsChanged` false leaves the indexed order columns alone:
 * SQLite rewrites an index entry whenever its column is assigned, even to the value it holds.
 * @throws WriteConflict when a profile changed meanwhile.
 */
async function upsertProfiles(
  trx: Transaction<Database>,
  writes: readonly ProfileWrite[],
  now: number,
  orderFactsChanged: boolean,
): Promise<Map<string, number>> {
  if (writes.length === 0) return new Map();
  const rows = writes.map(({ profile, expectedVersion }): ProfileTable => ({
    ...profileRow(profile),
    version: (expectedVersion ?? 0) + 1,
    updated_at: now,
  }));
  const upsert = orderFactsChanged ? UPSERT_WITH_ORDER_FACTS : UPSERT_KEEPING_ORDER_FACTS;
  const written = await upsert.execute<{ id: string; version: number }>(trx, rows);
  if (written.length !== rows.length) throw new WriteConflict('a profile changed meanwhile');
  return new Map(written.map((row) => [row.id, row.version]));
}

/**
 * Profiles as written, each only if still at the version read. `orderFactsChanged` false leaves the
 * indexed order columns alone (see {@link upsertProfiles}).
 */
function profileUpsert(orderFactsChanged: boolean): InsertTemplate<Database, ProfileTable> {
  return new InsertTemplate<Database, ProfileTable>(
    ['id', 'user_id', 'doc', 'order_count', 'last_order_at', 'version', 'updated_at'],
    (db, rows) =>
      db
        .insertInto('profiles')
        .values(rows)
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet((eb) => ({
              user_id: eb.ref('excluded.user_id'),
              doc: eb.ref('excluded.doc'),
              version: eb.ref('excluded.version'),
              updated_at: eb.ref('excluded.updated_at'),
              ...(orderFactsChanged && {
                order_count: eb.ref('excluded.order_count'),
                last_order_at: eb.ref('excluded.last_order_at'),
              }),
            }))
            .where((eb) => eb(eb.ref('profiles.version'), '=', eb(eb.ref('excluded.version'), '-', 1))),
        )
        .returning(['id', 'version']),
  );
}

const UPSERT_WITH_ORDER_FACTS = profileUpsert(true);
const UPSERT_KEEPING_ORDER_FACTS = profileUpsert(false);

/**
 * Whether a write leaves the profile's order columns and lifetime values as stored: true only when
 * the writer supplied the profile as read and neither changed since.
 */
function hasSameOrderFacts(write: ProfileWrite): boolean {
  const { stored, profile } = write;
  if (stored === undefined || write.expectedVersion === null) return false;
  const [before, after] = [orderColumns(stored), orderColumns(profile)];
  return (
    before.order_count === after.order_count &&
    before.last_order_at === after.last_order_at &&
    sameValues(profileValueRows(stored), profileValueRows(profile))
  );
}

function sameValues(
  a: readonly { currency: string; amount: number }[],
  b: readonly { currency: string; amount: number }[],
): boolean {
  return (
    a.length === b.length &&
    a.every((row, index) => row.currency === b[index]?.currency && row.amount === b[index]?.amount)
  );
}

/** `items` split by `test`: those that pass, then the others, each in its original order. */
function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const passed: T[] = [];
  const failed: T[] = [];
  for (const item of items) (test(item) ? passed : failed).push(item);
  return [passed, failed];
}
