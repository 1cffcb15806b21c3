import type { DailyMetric } from '../../../domain/analytics/index.js';
import type { Kysely } from 'kysely';
import type { Profile } from '../../../domain/profiles/index.js';
import type { SegmentDraft } from '../../../domain/segments/index.js';
import type { BackfillState, SegmentStore, StoredSegment } from '../../../ports/store.js';
import type { Database, SegmentTable } from './database.js';
import { checkVersion, deleteRow, readDocument, writeRow } from './versioned-rows.js';

/** Segments, their members and scheduled re-checks, in SQL that SQLite and PostgreSQL both run. */
export function segmentQueries(db: Kysely<Database>): SegmentStore {
  return {
    async putSegment({ id, ...doc }: SegmentDraft, { now, ifVersion }) {
      const row = await writeRow(
        db,
        'segments',
        { id, doc: JSON.stringify(doc), updated_at: now },
        ifVersion,
      );
      const backfill = await db
        .selectFrom('segments')
        .select('backfill')
        .where('id', '=', id)
        .executeTakeFirst();
      return toSegment({ ...row, backfill: backfill?.backfill ?? null });
    },

    async getSegment(id) {
      const row = await db.selectFrom('segments').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSegment(row);
    },

    async listSegments() {
      return (await db.selectFrom('segments').selectAll().orderBy('id').execute()).map(toSegment);
    },

    async deleteSegment(id, ifVersion) {
      return db.transaction().execute(async (trx) => {
        await checkVersion(trx, 'segments', id, ifVersion);
        await trx.deleteFrom('segment_members').where('segment_id', '=', id).execute();
        // Its sizes by day go with it: a new segment of the same id starts its own history.
        const sizes: DailyMetric = 'segmentSize';
        await trx.deleteFrom('analytics_daily').where('metric', '=', sizes).where('slot', '=', id).execute();
        return deleteRow(trx, 'segments', id);
      });
    },

    async setBackfill(id, state) {
      await db
        .updateTable('segments')
        .set({ backfill: JSON.stringify(state) })
        .where('id', '=', id)
        .execute();
    },

    async members(segmentId, afterProfileId, limit) {
      let query = db
        .selectFrom('segment_members')
        .innerJoin('profiles', 'profiles.id', 'segment_members.profile_id')
        .select(['segment_members.profile_id', 'segment_members.since', 'profiles.user_id', 'profiles.doc'])
        .where('segment_members.segment_id', '=', segmentId)
        .orderBy('segment_members.profile_id')
        .limit(limit);
      if (afterProfileId !== undefined)
        query = query.where('segment_members.profile_id', '>', afterProfileId);
      return (await query.execute()).map((row) => ({
        profileId: row.profile_id,
        userId: row.user_id,
        anonymousIds: (JSON.parse(row.doc) as Pick<Profile, 'anonymousIds'>).anonymousIds,
        since: Number(row.since),
      }));
    },

    async countMembers(segmentId) {
      const row = await db
        .selectFrom('segment_members')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('segment_id', '=', segmentId)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async dueChecks() {
      const rows = await db.selectFrom('profile_checks').selectAll().execute();
      return rows.map((row) => ({ profileId: row.profile_id, dueAt: Number(row.due_at) }));
    },
  };
}

function toSegment(row: SegmentTable): StoredSegment {
  const doc = readDocument<Omit<SegmentDraft, 'id'>>(row.doc);
  return {
    id: row.id,
    ...doc,
    version: row.version,
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
    // Progress that is not JSON (a hand edit, a disk fault) is no progress: the segment still loads.
    ...(row.backfill !== null && backfillOf(row.backfill)),
  };
}

function backfillOf(text: string): { backfill?: BackfillState } {
  const backfill = readDocument<BackfillState | undefined>(text);
  return typeof backfill?.status === 'string' ? { backfill } : {};
}
