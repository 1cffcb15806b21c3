import { PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import type { DecisionRecord, DecisionStore } from '../../../ports/decision-store.js';
import { impressionsOf } from '../../../domain/analytics/index.js';
import { addDailyCounts } from './analytics-queries.js';
import type { Database } from './database.js';
import { chunks } from './profile-rows.js';

/** Rows per insert: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 200;

export function decisionQueries(db: Kysely<Database>): DecisionStore {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    async insertDecisions(records) {
      if (records.length === 0) return;
      await db.transaction().execute(async (trx) => {
        const kept = await forLivingProfiles(trx, records, postgres);
        for (let start = 0; start < kept.length; start += CHUNK) {
          await trx
            .insertInto('decisions')
            .values(
              kept.slice(start, start + CHUNK).map((record) => ({
                id: record.id,
                profile_id: record.profileId,
                at: record.at,
                shown: record.shown,
              })),
            )
            .onConflict((oc) => oc.column('id').doNothing())
            .execute();
        }
        // Each slot a decision showed is an impression, counted with the decision, once.
        await addDailyCounts(trx, impressionsOf(kept));
      });
    },

    async getDecision(id) {
      const row = await db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && { id: row.id, profileId: row.profile_id, at: Number(row.at), shown: row.shown };
    },
  };
}

/**
 * Decisions are written a second after they were made, so their profile may have gone meanwhile:
 * merged into another (the decision follows it, as the merge moved the others) or erased (the
 * decision is dropped: an erasure leaves no decision behind, however late it is written). On
 * PostgreSQL the profiles are locked to share until the decisions commit, so an erasure running
 * now either waits for them and deletes them too, or has deleted the profile and they are dropped.
 */
async function forLivingProfiles(
  trx: Transaction<Database>,
  records: readonly DecisionRecord[],
  postgres: boolean,
): Promise<DecisionRecord[]> {
  const named = [...new Set(records.flatMap((record) => record.profileId ?? []))];
  if (named.length === 0) return [...records];
  const merged = new Map<string, string>();
  for (const chunk of chunks(named)) {
    const rows = await trx
      .selectFrom('profile_merges')
      .select(['from_profile_id', 'to_profile_id'])
      .where('from_profile_id', 'in', chunk)
      .execute();
    for (const row of rows) merged.set(row.from_profile_id, row.to_profile_id);
  }
  const current = (id: string) => merged.get(id) ?? id;
  const living = new Set<string>();
  for (const chunk of chunks([...new Set(named.map(current))])) {
    const query = trx.selectFrom('profiles').select('id').where('id', 'in', chunk).orderBy('id');
    const rows = await (postgres ? query.forShare() : query).execute();
    for (const row of rows) living.add(row.id);
  }
  return records.flatMap((record) => {
    if (record.profileId === null) return [record];
    const profileId = current(record.profileId);
    return living.has(profileId) ? [{ ...record, profileId }] : [];
  });
}
