import { PostgresAdapter, sql, type Transaction } from 'kysely';
import { WriteConflict, type ProfileTransaction, type TransactionOptions } from '../../../ports/store.js';
import { advisoryLockKey, takeAdvisoryLocks } from './advisory-locks.js';
import type { Database, EventTable, OrderTable } from './database.js';
import { InsertTemplate } from './insert-template.js';
import { chunks, findProfileIds, getProfiles, identityKey } from './profile-rows.js';
import { writeProfileChunk } from './profile-upsert.js';
import { scheduleSteps } from './journey-queries.js';
import { handOverProfileRows } from './profile-tables.js';

/** Events in the log, each once: those already there are left out of what it returns. */
const EVENT_INSERT = new InsertTemplate<Database, Omit<EventTable, 'seq'>>(
  ['message_id', 'profile_id', 'type', 'name', 'ts', 'received_at', 'doc'],
  (db, rows) =>
    db
      .insertInto('events')
      .values(rows)
      .onConflict((oc) => oc.column('message_id').doNothing())
      .returning('message_id'),
);

/**
 * Profile reads and writes inside one transaction (an ingestion batch, a re-evaluation): a concurrent
 * writer on another node shows up as a {@link WriteConflict}, and the caller tries again.
 */
export function transactionOn(
  trx: Transaction<Database>,
  { giveWay }: TransactionOptions = {},
): ProfileTransaction {
  /** Between two statements of a long write: the caller's turn to let others run. */
  const between = async () => {
    const waiting = giveWay?.();
    if (waiting !== undefined) await waiting;
  };
  return {
    async changeMemberships(changes) {
      const entries = changes.filter((change) => change.member);
      for (const chunk of chunks(entries)) {
        await trx
          .insertInto('segment_members')
          .values(
            chunk.map((change) => ({
              segment_id: change.segmentId,
              profile_id: change.profileId,
              since: change.at,
            })),
          )
          .onConflict((oc) => oc.columns(['segment_id', 'profile_id']).doNothing())
          .execute();
      }
      // Exits, a chunk per statement: (segment_id, profile_id) IN ((…), (…)) runs on both stores.
      const exits = changes.filter((change) => !change.member);
      for (const chunk of chunks(exits)) {
        await trx
          .deleteFrom('segment_members')
          .where((eb) =>
            eb(
              eb.refTuple('segment_id', 'profile_id'),
              'in',
              chunk.map((change) => eb.tuple(change.segmentId, change.profileId)),
            ),
          )
          .execute();
      }
    },

    async enqueueMessages(entries, now) {
      for (const chunk of chunks(entries)) {
        await trx
          .insertInto('webhook_outbox')
          .values(
            chunk.map((entry) => ({
              id: entry.id,
              webhook_id: entry.webhookId,
              type: entry.type,
              payload: entry.payload,
              created_at: now,
              attempts: 0,
              next_attempt_at: now,
              claimed_until: null,
              delivered_at: null,
              last_error: null,
              profile_id: entry.profileId,
            })),
          )
          .execute();
      }
    },

    scheduleJourneySteps(steps) {
      return scheduleSteps(trx, steps);
    },

    async scheduleChecks(checks) {
      const due = checks.filter(
        (check): check is { profileId: string; dueAt: number } => check.dueAt !== null,
      );
      for (const chunk of chunks(due)) {
        await trx
          .insertInto('profile_checks')
          .values(chunk.map((check) => ({ profile_id: check.profileId, due_at: check.dueAt })))
          .onConflict((oc) =>
            oc.column('profile_id').doUpdateSet((eb) => ({ due_at: eb.ref('excluded.due_at') })),
          )
          .execute();
      }
      const cleared = checks.filter((check) => check.dueAt === null).map((check) => check.profileId);
      for (const chunk of chunks(cleared))
        await trx.deleteFrom('profile_checks').where('profile_id', 'in', chunk).execute();
    },

    findProfileIds: (identities) => findProfileIds(trx, identities),

    async lockProfiles(ids) {
      // SQLite has one writer at a time. PostgreSQL locks a statement's rows in its ORDER BY; by code
      // point (collate "C"), as JavaScript sorts these ASCII ids, so the chunks follow one order too.
      if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
      const ordered = [...new Set(ids)].sort();
      const versions = new Map<string, number>();
      for (const chunk of chunks(ordered)) {
        const rows = await trx
          .selectFrom('profiles')
          .select(['id', 'version'])
          .where('id', 'in', chunk)
          .orderBy(sql`id collate "C"`)
          .forUpdate()
          .execute();
        for (const row of rows) versions.set(row.id, Number(row.version));
      }
      return versions;
    },
    async lockIdentities(identities) {
      if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return false;
      await takeAdvisoryLocks(
        trx,
        identities.map((identity) => advisoryLockKey('identity-link', identityKey(identity))),
      );
      return true;
    },
    getProfiles: (ids) => getProfiles(trx, ids),

    async erasedAt(idHashes) {
      const erased = new Map<string, number>();
      for (const chunk of chunks(idHashes)) {
        const rows = await trx.selectFrom('erasures').selectAll().where('id_hash', 'in', chunk).execute();
        for (const row of rows) erased.set(row.id_hash, Number(row.erased_at));
      }
      return erased;
    },

    async existingMessageIds(messageIds) {
      const found = new Set<string>();
      for (const chunk of chunks(messageIds)) {
        const rows = await trx
          .selectFrom('events')
          .select('message_id')
          .where('message_id', 'in', chunk)
          .execute();
        for (const row of rows) found.add(row.message_id);
      }
      return found;
    },

    async insertEvents(rows) {
      for (const chunk of chunks(rows)) {
        const values = chunk.map(({ profileId, event }): Omit<EventTable, 'seq'> => ({
          message_id: event.messageId,
          profile_id: profileId,
          type: event.type,
          name: event.event ?? null,
          ts: Date.parse(event.timestamp),
          received_at: Date.parse(event.receivedAt),
          doc: JSON.stringify(event),
        }));
        const inserted = await EVENT_INSERT.execute(trx, values);
        if (inserted.length !== values.length)
          throw new WriteConflict('an event was stored by another writer meanwhile');
        await between();
      }
    },

    async insertOrders(rows) {
      const recorded = new Set<string>();
      for (const chunk of chunks(rows)) {
        const values = chunk.map((order): OrderTable => ({
          order_id: order.orderId,
          profile_id: order.profileId,
          message_id: order.messageId,
          currency: order.currency,
          amount: order.amount,
          ts: Date.parse(order.at),
          source: order.source,
        }));
        const inserted = await trx
          .insertInto('orders')
          .values(values)
          .onConflict((oc) => oc.column('order_id').doNothing())
          .returning('order_id')
          .execute();
        for (const row of inserted) recorded.add(row.order_id);
      }
      return recorded;
    },

    async orderAmounts(orderIds) {
      const amounts = new Map<string, { currency: string; amount: number }>();
      for (const chunk of chunks(orderIds)) {
        const rows = await trx
          .selectFrom('orders')
          .select(['order_id', 'currency', 'amount'])
          .where('order_id', 'in', chunk)
          .execute();
        for (const row of rows)
          amounts.set(row.order_id, { currency: row.currency, amount: Number(row.amount) });
      }
      return amounts;
    },

    async linkIdentities(links, now) {
      const fresh = links.filter((link) => link.previousProfileId === null);
      for (const chunk of chunks(fresh)) {
        const inserted = await trx
          .insertInto('identities')
          .values(
            chunk.map((link) => ({
              kind: link.kind,
              value: link.value,
              profile_id: link.profileId,
              created_at: now,
            })),
          )
          .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
          .returning('value')
          .execute();
        if (inserted.length !== chunk.length)
          throw new WriteConflict('an id was linked by another writer meanwhile');
      }
      for (const link of links) {
        if (link.previousProfileId === null) continue;
        const moved = await trx
          .updateTable('identities')
          .set({ profile_id: link.profileId })
          .where('kind', '=', link.kind)
          .where('value', '=', link.value)
          .where('profile_id', '=', link.previousProfileId)
          .executeTakeFirst();
        if (moved.numUpdatedRows === 0n) throw new WriteConflict('an id moved to another profile meanwhile');
      }
    },

    async writeProfiles(writes, now) {
      // A row is written only when it is still at the version read (0 for a profile this writer
      // creates), so a concurrent writer on another node shows up as a row missing from RETURNING.
      // In id order, as every writer does, so two nodes writing the same profiles lock their rows in
      // the same order and wait for each other instead of deadlocking.
      const ordered = [...writes].sort((a, b) =>
        a.profile.id < b.profile.id ? -1 : a.profile.id > b.profile.id ? 1 : 0,
      );
      const versions = new Map<string, number>();
      for (const chunk of chunks(ordered)) {
        for (const [id, version] of await writeProfileChunk(trx, chunk, now)) versions.set(id, version);
        await between();
      }
      return versions;
    },

    async absorbProfile(fromProfileId, intoProfileId, expectedVersion, now) {
      const removed = await trx
        .deleteFrom('profiles')
        .where('id', '=', fromProfileId)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (removed.numDeletedRows === 0n)
        throw new WriteConflict(`profile ${fromProfileId} changed meanwhile`);
      await handOverProfileRows(trx, fromProfileId, intoProfileId);
      await trx
        .insertInto('profile_merges')
        .values({ from_profile_id: fromProfileId, to_profile_id: intoProfileId, at: now })
        .execute();
    },
  };
}
