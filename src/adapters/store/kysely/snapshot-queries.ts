import { sql, type Kysely } from 'kysely';
import type { SnapshotStore } from '../../../ports/snapshot-store.js';
import type { Database } from './database.js';

/** How long taking the PostgreSQL watermark may wait for writers of events before it gives up. */
const WATERMARK_LOCK_TIMEOUT = '2s';

/** Snapshots of derived state, in SQL that SQLite and PostgreSQL both run (the watermark aside). */
export function snapshotQueries(db: Kysely<Database>, kind: string): SnapshotStore {
  return {
    async putSnapshotPart(snapshotId, part, data) {
      await db
        .insertInto('derived_state_snapshot_parts')
        .values({ snapshot_id: snapshotId, part, data })
        .execute();
    },

    async commitSnapshot(header) {
      await db
        .insertInto('derived_state_snapshots')
        .values({
          id: header.id,
          format: header.format,
          created_at: header.createdAt,
          parts: header.parts,
          bytes: header.bytes,
          meta: header.meta,
        })
        .execute();
    },

    async latestSnapshots(limit) {
      const rows = await db
        .selectFrom('derived_state_snapshots')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        format: Number(row.format),
        createdAt: Number(row.created_at),
        parts: Number(row.parts),
        bytes: Number(row.bytes),
        meta: row.meta,
      }));
    },

    async snapshotParts(snapshotId, from, limit) {
      const rows = await db
        .selectFrom('derived_state_snapshot_parts')
        .select(['part', 'data'])
        .where('snapshot_id', '=', snapshotId)
        .where('part', '>=', from)
        .where('part', '<', from + limit)
        .orderBy('part')
        .execute();
      return rows.map((row) => row.data);
    },

    async pruneSnapshots(keep) {
      await db.transaction().execute(async (trx) => {
        let headers = trx.deleteFrom('derived_state_snapshots');
        if (keep.length > 0) headers = headers.where('id', 'not in', keep);
        await headers.execute();
        let parts = trx
          .deleteFrom('derived_state_snapshot_parts')
          .where('snapshot_id', 'not in', trx.selectFrom('derived_state_snapshots').select('id'));
        const oldest = [...keep].sort()[0];
        if (oldest !== undefined) parts = parts.where('snapshot_id', '<', oldest);
        await parts.execute();
      });
    },

    async logWatermark() {
      const highest = (executor: Kysely<Database>) =>
        executor
          .selectFrom('events')
          .select((eb) => eb.fn.max('seq').as('last'))
          .executeTakeFirst()
          .then((row) => ({ seq: Number(row?.last ?? 0) }));
      if (kind !== 'postgres') return highest(db);
      // A seq is drawn before its transaction commits, and transactions commit in any order: the
      // highest seq visible now may have lower ones still to come. Holding writers of events off
      // (SHARE conflicts with their ROW EXCLUSIVE) waits out every transaction that drew one.
      return db.transaction().execute(async (trx) => {
        await sql`set local lock_timeout = ${sql.lit(WATERMARK_LOCK_TIMEOUT)}`.execute(trx);
        await sql`lock table events in share mode`.execute(trx);
        return highest(trx);
      });
    },

    async erasureMark() {
      const row = await db
        .selectFrom('erasures')
        .select((eb) => [
          eb.fn.countAll<number | string>().as('count'),
          eb.fn.max('erased_at').as('latest'),
          eb.fn.sum<number | string>('erased_at').as('total'),
        ])
        .executeTakeFirst();
      return `${String(row?.count ?? 0)}:${String(row?.latest ?? 0)}:${String(row?.total ?? 0)}`;
    },

    async mergesSince(since) {
      const rows = await db
        .selectFrom('profile_merges')
        .select(['from_profile_id', 'to_profile_id'])
        .where('at', '>=', since)
        .orderBy('at')
        .execute();
      return rows.map((row) => ({ from: row.from_profile_id, into: row.to_profile_id }));
    },
  };
}
