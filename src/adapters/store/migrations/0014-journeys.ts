import type { Kysely, Migration } from 'kysely';
import { createVersionedTable } from './versioned-table.js';

/**
 * Journeys: one JSON document each; every planned step as a row (unique by journey, step and the
 * trigger's occurrence, so an occurrence plans it once), leased by one node at a time and finished
 * in the transaction that writes its webhook message; and coupons bound to one customer with an expiry.
 */
export const journeys: Migration = {
  async up(db: Kysely<unknown>) {
    await createVersionedTable(db, 'journeys');
    await db.schema
      .createTable('journey_steps')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('journey_id', 'text', (column) => column.notNull())
      .addColumn('step_id', 'text', (column) => column.notNull())
      .addColumn('occurrence', 'text', (column) => column.notNull())
      .addColumn('profile_id', 'text', (column) => column.notNull())
      .addColumn('user_id', 'text', (column) => column.notNull())
      .addColumn('trigger_at', 'bigint', (column) => column.notNull())
      .addColumn('due_at', 'bigint', (column) => column.notNull())
      .addColumn('context', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('reason', 'text')
      .addColumn('claim_token', 'text')
      .addColumn('claimed_until', 'bigint')
      .addColumn('finished_at', 'bigint')
      .addColumn('coupon_code', 'text')
      .addColumn('orders', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('revenue', 'bigint', (column) => column.notNull().defaultTo(0))
      .addUniqueConstraint('journey_steps_occurrence', ['journey_id', 'step_id', 'occurrence'])
      .execute();
    await db.schema
      .createIndex('journey_steps_due')
      .on('journey_steps')
      .columns(['status', 'due_at'])
      .execute();
    await db.schema
      .createIndex('journey_steps_profile')
      .on('journey_steps')
      .columns(['profile_id', 'finished_at'])
      .execute();
    await db.schema.createIndex('journey_steps_journey').on('journey_steps').column('journey_id').execute();
    await db.schema.alterTable('coupons').addColumn('customer_key', 'text').execute();
    await db.schema.alterTable('coupons').addColumn('expires_at', 'bigint').execute();
    await db.schema.createIndex('coupons_customer').on('coupons').column('customer_key').execute();
  },
};
