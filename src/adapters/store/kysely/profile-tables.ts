import type { Transaction } from 'kysely';
import type { Database } from './database.js';

/** What a merge does with the absorbed profile's rows: they follow it into the profile it joins, or end with it. */
type OnMerge = 'move' | 'drop';

/** A table holding rows of one profile, and the column that names the profile. */
type ProfileOwned = {
  [Table in keyof Database]: {
    readonly table: Table;
    readonly column: keyof Database[Table] & string;
    readonly onMerge: OnMerge;
  };
}[keyof Database];

/**
 * Every table, besides `profiles` itself, that holds rows of one profile. Erasure deletes them all;
 * a merge moves or drops them. One list for both, so a table added for profiles can escape neither;
 * profile-tables.test.ts fails when a table with a profile id column is missing from it.
 */
export const PROFILE_TABLES = [
  { table: 'events', column: 'profile_id', onMerge: 'move' },
  { table: 'orders', column: 'profile_id', onMerge: 'move' },
  { table: 'identities', column: 'profile_id', onMerge: 'move' },
  // Decisions follow the customer, so their clicks and orders after a merge still cite them.
  { table: 'decisions', column: 'profile_id', onMerge: 'move' },
  // Webhook messages name the customer in their payload: delivered or not, they go with them.
  { table: 'webhook_outbox', column: 'profile_id', onMerge: 'move' },
  // Journey steps follow the customer: waiting ones still send, sent ones still count their orders.
  { table: 'journey_steps', column: 'profile_id', onMerge: 'move' },
  // Merges into the absorbed profile now lead to the one it joined.
  { table: 'profile_merges', column: 'to_profile_id', onMerge: 'move' },
  // The merged profile's memberships and scheduled looks end with it: the one it joined is evaluated afresh.
  { table: 'segment_members', column: 'profile_id', onMerge: 'drop' },
  { table: 'profile_checks', column: 'profile_id', onMerge: 'drop' },
  // The lifetime values of the one it joined are written with its merged document.
  { table: 'profile_values', column: 'profile_id', onMerge: 'drop' },
] as const satisfies readonly ProfileOwned[];

type OwnedTable = (typeof PROFILE_TABLES)[number]['table'];

/** Deletes every row a profile owns, table by table; answers how many each table lost. */
export async function deleteProfileRows(
  trx: Transaction<Database>,
  profileId: string,
): Promise<Map<OwnedTable, number>> {
  const deleted = new Map<OwnedTable, number>();
  for (const { table, column } of PROFILE_TABLES) {
    const result = await trx
      .deleteFrom(table)
      .where(trx.dynamic.ref(column), '=', profileId)
      .executeTakeFirst();
    deleted.set(table, Number(result.numDeletedRows));
  }
  return deleted;
}

/** Moves or drops the rows of a profile absorbed into another, as each table's `onMerge` says. */
export async function handOverProfileRows(
  trx: Transaction<Database>,
  fromProfileId: string,
  intoProfileId: string,
): Promise<void> {
  for (const { table, column, onMerge } of PROFILE_TABLES) {
    const ref = trx.dynamic.ref(column);
    if (onMerge === 'drop') await trx.deleteFrom(table).where(ref, '=', fromProfileId).execute();
    else await trx.updateTable(table).set(ref, intoProfileId).where(ref, '=', fromProfileId).execute();
  }
}
