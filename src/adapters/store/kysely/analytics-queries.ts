import { sql, type Kysely } from 'kysely';
import type { DailyCount, DailyMetric } from '../../../domain/analytics/index.js';
import { summed } from '../../../domain/analytics/index.js';
import type { AnalyticsStore } from '../../../ports/analytics-store.js';
import type { Database } from './database.js';

/** Rows per insert: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 100;

export function analyticsQueries(db: Kysely<Database>): AnalyticsStore {
  return {
    addDailyCounts: (counts) => addDailyCounts(db, counts),

    async dailyTotals(fromDay, toDay) {
      const rows = await db
        .selectFrom('analytics_daily')
        .select(['metric', 'slot', 'strategy', (eb) => eb.fn.sum<number | string>('value').as('value')])
        .where('day', '>=', fromDay)
        .where('day', '<', toDay)
        .groupBy(['metric', 'slot', 'strategy'])
        .execute();
      return rows.map((row) => ({
        metric: row.metric as DailyMetric,
        day: fromDay,
        slot: row.slot,
        strategy: row.strategy,
        value: Number(row.value),
      }));
    },

    async dailySeries(metrics, fromDay, toDay) {
      if (metrics.length === 0) return [];
      const rows = await db
        .selectFrom('analytics_daily')
        .select(['metric', 'day', (eb) => eb.fn.sum<number | string>('value').as('value')])
        .where('metric', 'in', metrics)
        .where('day', '>=', fromDay)
        .where('day', '<', toDay)
        .groupBy(['metric', 'day'])
        .orderBy('day')
        .execute();
      return rows.map((row) => ({
        day: Number(row.day),
        metric: row.metric as DailyMetric,
        value: Number(row.value),
      }));
    },

    async setDailySamples(samples) {
      for (let start = 0; start < samples.length; start += CHUNK) {
        await db
          .insertInto('analytics_daily')
          .values(samples.slice(start, start + CHUNK).map((sample) => ({ ...sample })))
          .onConflict((oc) =>
            oc
              .columns(['metric', 'day', 'slot', 'strategy'])
              .doUpdateSet({ value: sql<number>`excluded.value` }),
          )
          .execute();
      }
    },

    async dailySamples(metric, slot, toDay) {
      const rows = await db
        .selectFrom('analytics_daily')
        .select(['day', 'value'])
        .where('metric', '=', metric)
        .where('slot', '=', slot)
        .where('day', '<', toDay)
        .orderBy('day')
        .execute();
      return rows.map((row) => ({ day: Number(row.day), value: Number(row.value) }));
    },

    async lastDecisionOf(profileId, from, to) {
      const row = await db
        .selectFrom('decisions')
        .selectAll()
        .where('profile_id', '=', profileId)
        .where('at', '>=', from)
        .where('at', '<=', to)
        .orderBy('at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && { id: row.id, profileId: row.profile_id, at: Number(row.at), shown: row.shown };
    },
  };
}

/** Adds the counts to their counters, in the caller's transaction when given one. */
export async function addDailyCounts(db: Kysely<Database>, counts: readonly DailyCount[]): Promise<void> {
  const rows = summed(counts).filter((count) => count.value !== 0);
  for (let start = 0; start < rows.length; start += CHUNK) {
    await db
      .insertInto('analytics_daily')
      .values(rows.slice(start, start + CHUNK).map((count) => ({ ...count })))
      .onConflict((oc) =>
        oc
          .columns(['metric', 'day', 'slot', 'strategy'])
          .doUpdateSet({ value: sql<number>`analytics_daily.value + excluded.value` }),
      )
      .execute();
  }
}
