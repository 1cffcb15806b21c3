import type { Kysely } from 'kysely';
import type { DecisionStore } from '../../../ports/decision-store.js';
import type { Database } from './database.js';

/** Rows per insert: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 200;

export function decisionQueries(db: Kysely<Database>): DecisionStore {
  return {
    async insertDecisions(records) {
      if (records.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (let start = 0; start < records.length; start += CHUNK) {
          await trx
            .insertInto('decisions')
            .values(
              records.slice(start, start + CHUNK).map((record) => ({
                id: record.id,
                profile_id: record.profileId,
                at: record.at,
                shown: record.shown,
              })),
            )
            .onConflict((oc) => oc.column('id').doNothing())
            .execute();
        }
      });
    },

    async getDecision(id) {
      const row = await db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && { id: row.id, profileId: row.profile_id, at: Number(row.at), shown: row.shown };
    },
  };
}
