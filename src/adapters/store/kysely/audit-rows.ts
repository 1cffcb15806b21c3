import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { auditScope, type AuditAction, type AuditActor } from '../../../ports/audit-store.js';
import type { Database } from './database.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** One change to record: `before` null for a create, `after` null for a delete. */
export interface AuditedChange {
  readonly type: string;
  readonly id: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Fields that hold a secret, by resource type: the log keeps only their first characters, as the API shows them. */
const SECRET_FIELDS: ReadonlyMap<string, readonly string[]> = new Map([['webhook', ['secret']]]);

/** The actor of the current request, when it is one whose changes are audited. */
export function currentActor(): AuditActor | undefined {
  return auditScope.getStore()?.actor;
}

/**
 * Runs `work` in a transaction when the current request is audited, so the change and its audit row
 * commit together; in the one already open when `db` is a transaction; else (unaudited work) as is.
 */
export function inAuditedTransaction<T>(db: Executor, work: (db: Executor) => Promise<T>): Promise<T> {
  if (db.isTransaction || currentActor() === undefined) return work(db);
  return db.transaction().execute((trx) => work(trx));
}

/**
 * Writes the audit rows of `changes` with `db`, which must be the transaction of the changes
 * themselves. Does nothing outside an audited request; a change that changed nothing is left out.
 */
export async function recordChanges(db: Executor, changes: readonly AuditedChange[]): Promise<void> {
  const scope = auditScope.getStore();
  if (scope?.actor === undefined || changes.length === 0) return;
  const at = scope.now();
  const rows = [];
  for (const change of changes) {
    const before = change.before === null ? null : JSON.stringify(masked(change.type, change.before));
    const after = change.after === null ? null : JSON.stringify(masked(change.type, change.after));
    if (before === null && after === null) continue;
    rows.push({
      id: newAuditId(at),
      at,
      actor_type: scope.actor.type,
      actor_id: scope.actor.id,
      action: actionOf(before, after),
      resource_type: change.type,
      resource_id: change.id,
      before,
      after,
    });
  }
  // Chunks keep each INSERT well under SQLite's bound-parameter limit.
  for (let start = 0; start < rows.length; start += 200) {
    await db
      .insertInto('audit_log')
      .values(rows.slice(start, start + 200))
      .execute();
  }
}

function actionOf(before: string | null, after: string | null): AuditAction {
  if (before === null) return 'create';
  return after === null ? 'delete' : 'update';
}

function masked(type: string, value: unknown): unknown {
  const fields = SECRET_FIELDS.get(type);
  if (fields === undefined || typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const field of fields) {
    const secret = copy[field];
    if (typeof secret === 'string') copy[field] = `${secret.slice(0, 10)}…`;
  }
  return copy;
}

/** Ids made by this process, so its rows of one millisecond keep the order they were written in. */
let sequence = 0;

/**
 * Sorts by time across nodes (base-36 milliseconds, fixed width), then in write order within this
 * process (a wrapping counter), then by chance: two nodes writing in one millisecond interleave.
 */
function newAuditId(at: number): string {
  sequence = (sequence + 1) % 0x100000;
  const order = sequence.toString(16).padStart(5, '0');
  return `aud_${at.toString(36).padStart(10, '0')}${order}${randomBytes(5).toString('hex')}`;
}
