import { hash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from './database.js';

/**
 * A PostgreSQL advisory lock key: 64 bits of a hash of what is locked, within its kind (`kind` keeps
 * a customer's journey lock apart from an id's link lock), so every node derives the same. Two
 * things sharing a key only wait on each other.
 */
export function advisoryLockKey(kind: string, name: string): bigint {
  return hash('sha256', `${kind}\u0000${name}`, 'buffer').readBigInt64BE(0);
}

/**
 * Takes PostgreSQL advisory locks on `keys` until the transaction ends, each once and in ascending
 * order, as every writer takes them: two writers wanting some of the same keys queue rather than
 * wait on each other in a circle.
 */
export async function takeAdvisoryLocks(trx: Transaction<Database>, keys: readonly bigint[]): Promise<void> {
  const ordered = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (ordered.length === 0) return;
  // `with ordinality` and its order by hold the locks to the array's order.
  await sql`select count(pg_advisory_xact_lock(k)) from (select k from unnest(cast(${ordered.map(String)} as bigint[])) with ordinality as t(k, n) order by n) as ordered`.execute(
    trx,
  );
}
