import type { Kysely, Selectable, Transaction } from 'kysely';
import { SharedError } from '../../../domain/shared/index.js';
import type { VersionPrecondition } from '../../../ports/store.js';
import type { Database, VersionedTable } from './database.js';

/** Tables whose rows carry a JSON document and a version that `If-Match` compares. */
export type VersionedTableName =
  | 'products'
  | 'collections'
  | 'segments'
  | 'webhooks'
  | 'price_lists'
  | 'promotions'
  | 'content_slots'
  | 'experiments'
  | 'journeys';

export type VersionedRow = Selectable<VersionedTable>;

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Inserts or replaces rows and bumps their versions in single statements, so concurrent writers on
 * several nodes never both "win" the same version. Resolves to the new version of each id.
 */
export async function upsertRows(
  db: Executor,
  table: VersionedTableName,
  rows: readonly Omit<VersionedRow, 'version'>[],
): Promise<Map<string, number>> {
  const returned = await db
    .insertInto(table)
    .values(rows.map((row) => ({ ...row, version: 1 })))
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        doc: eb.ref('excluded.doc'),
        updated_at: eb.ref('excluded.updated_at'),
        version: eb(eb.ref(`${table}.version`), '+', 1),
      })),
    )
    .returning(['id', 'version'])
    .execute();
  return new Map(returned.map((row) => [row.id, row.version]));
}

/**
 * Writes one row, honouring an `If-Match` precondition when given.
 * @throws DomainError `version_conflict` when the precondition does not hold.
 */
export async function writeRow(
  db: Executor,
  table: VersionedTableName,
  row: Omit<VersionedRow, 'version'>,
  ifVersion: VersionPrecondition | undefined,
): Promise<VersionedRow> {
  if (ifVersion === undefined) {
    const versions = await upsertRows(db, table, [row]);
    return { ...row, version: versions.get(row.id) as number };
  }
  let update = db
    .updateTable(table)
    .set((eb) => ({ doc: row.doc, updated_at: row.updated_at, version: eb(eb.ref('version'), '+', 1) }))
    .where('id', '=', row.id);
  if (ifVersion !== '*') update = update.where('version', 'in', versionsOf(ifVersion));
  const updated = await update.returning('version').executeTakeFirst();
  if (updated === undefined) throw versionConflict(row.id, ifVersion);
  return { ...row, version: updated.version };
}

/** @throws DomainError `version_conflict` unless the row exists at the wanted version. */
export async function checkVersion(
  db: Executor,
  table: VersionedTableName,
  id: string,
  ifVersion: VersionPrecondition | undefined,
): Promise<void> {
  if (ifVersion === undefined) return;
  const row = await db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst();
  if (row === undefined || (ifVersion !== '*' && !versionsOf(ifVersion).includes(row.version))) {
    throw versionConflict(id, ifVersion);
  }
}

/** The versions a precondition accepts; never an empty list, which SQL's `in` cannot take (0 is no version). */
function versionsOf(ifVersion: number | readonly number[]): readonly number[] {
  if (typeof ifVersion === 'number') return [ifVersion];
  return ifVersion.length === 0 ? [0] : ifVersion;
}

/**
 * A versioned row's JSON document. One that is not JSON at all (a hand edit, a disk fault) reads as
 * an empty document rather than failing every read of its table: the node's loader then refuses it
 * like any other object that does not load, skips it and reports it.
 */
export function readDocument<T>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return {} as T;
  }
}

function versionConflict(id: string, ifVersion: VersionPrecondition): SharedError {
  return new SharedError('version_conflict', `${id} is not at version ${String(ifVersion)}`, {
    pointer: '/If-Match',
  });
}
