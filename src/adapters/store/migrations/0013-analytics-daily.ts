import type { Kysely, Migration } from 'kysely';

/**
 * Outcome counters by UTC day, so the analytics dashboard reads a few rows per day rather than
 * scanning decisions, events and orders: impressions and clicks per slot and strategy, attributed
 * orders and revenue, and the discount each promotion gave. Decisions get an index by profile and
 * time, so attributing an order finds the customer's last decision without a scan.
 */
export const analyticsDaily: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('analytics_daily')
      .addColumn('metric', 'text', (column) => column.notNull())
      .addColumn('day', 'bigint', (column) => column.notNull())
      .addColumn('slot', 'text', (column) => column.notNull())
      .addColumn('strategy', 'text', (column) => column.notNull())
      .addColumn('value', 'bigint', (column) => column.notNull())
      .addPrimaryKeyConstraint('analytics_daily_pk', ['metric', 'day', 'slot', 'strategy'])
      .execute();
    await db.schema
      .createIndex('decisions_profile_at')
      .on('decisions')
      .columns(['profile_id', 'at'])
      .execute();
  },
};
