import type { Kysely, Selectable, Transaction } from 'kysely';
import { SharedError } from '../../../domain/shared/index.js';
import type { VersionPrecondition } from '../../../ports/store.js';
import { currentActor, inAuditedTransaction, recordChanges } from './audit-rows.js';
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

/** What the audit log calls each table's objects. */
const RESOURCE_TYPES: Readonly<Record<VersionedTableName, string>> = {
  products: 'product',
  collections: 'collection',
  segments: 'segment',
  webhooks: 'webhook',
  price_lists: 'price-list',
  promotions: 'promotion',
  content_slots: 'content-slot',
  experiments: 'experiment',
  journeys: 'journey',
};

/**
 * Inserts or replaces rows and bumps their versions in single statements, so concurrent writers on
 * several nodes never both "win" the same version. Resolves to the new version of each id.
 */
export async function upsertRows(
  db: Executor,
  table: VersionedTableName,
  rows: readonly Omit<VersionedRow, 'version'>[],
): Promise<Map<string, number>> {
  return inAuditedTransaction(db, async (db) => {
    const before = await documentsBeforeChange(
      db,
      table,
      rows.map((row) => row.id),
    );
    const versions = await upsertUnaudited(db, table, rows);
    // Unaudited (a command, a test): no documents parsed for a log that is not written.
    if (before === undefined && currentActor() === undefined) return versions;
    await recordChanges(
      db,
      rows.map((row) => ({
        type: RESOURCE_TYPES[table],
        id: row.id,
        before: before?.get(row.id) ?? null,
        after: auditedDocument(row.doc, versions.get(row.id)),
      })),
    );
    return versions;
  });
}

async function upsertUnaudited(
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
  return inAuditedTransaction(db, async (db) => {
    const before = await documentsBeforeChange(db, table, [row.id]);
    const written = await updateUnaudited(db, table, row, ifVersion);
    await recordChanges(db, [
      {
        type: RESOURCE_TYPES[table],
        id: row.id,
        before: before?.get(row.id) ?? null,
        after: auditedDocument(row.doc, written.version),
      },
    ]);
    return written;
  });
}

async function updateUnaudited(
  db: Executor,
  table: VersionedTableName,
  row: Omit<VersionedRow, 'version'>,
  ifVersion: VersionPrecondition,
): Promise<VersionedRow> {
  let update = db
    .updateTable(table)
    .set((eb) => ({ doc: row.doc, updated_at: row.updated_at, version: eb(eb.ref('version'), '+', 1) }))
    .where('id', '=', row.id);
  if (ifVersion !== '*') update = update.where('version', 'in', versionsOf(ifVersion));
  const updated = await update.returning('version').executeTakeFirst();
  if (updated === undefined) throw versionConflict(row.id, ifVersion);
  return { ...row, version: updated.version };
}

/**
 * Deletes one row (the caller has checked any precondition); resolves false when there was none.
 * Audited in `db`'s transaction, or in one of its own.
 */
export async function deleteRow(db: Executor, table: VersionedTableName, id: string): Promise<boolean> {
  return inAuditedTransaction(db, async (db) => {
    const before = await documentsBeforeChange(db, table, [id]);
    const deleted = (await db.deleteFrom(table).where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n;
    if (deleted)
      await recordChanges(db, [
        { type: RESOURCE_TYPES[table], id, before: before?.get(id) ?? null, after: null },
      ]);
    return deleted;
  });
}

/** The documents of `ids` as they stand, for the audit log; undefined when the request is not audited. */
async function documentsBeforeChange(
  db: Executor,
  table: VersionedTableName,
  ids: readonly string[],
): Promise<Map<string, unknown> | undefined> {
  if (currentActor() === undefined || ids.length === 0) return undefined;
  const documents = new Map<string, unknown>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db
      .selectFrom(table)
      .select(['id', 'doc', 'version'])
      .where('id', 'in', ids.slice(start, start + 500))
      .execute();
    for (const row of rows) documents.set(row.id, auditedDocument(row.doc, row.version));
  }
  return documents;
}

/** A row as the audit log shows it: its document with its id-less fields and its version. */
function auditedDocument(doc: string, version: number | undefined): unknown {
  return { ...readDocument<Record<string, unknown>>(doc), ...(version !== undefined && { version }) };
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
