import type { Kysely, Migration } from 'kysely';
import { createVersionedTable } from './versioned-table.js';

/**
 * Promotions, their coupon codes, what their limits have used (overall and per customer), and
 * checkout orders, which make `POST /v1/orders` idempotent. Limits are columns beside the counters
 * so one conditional UPDATE both checks and spends them.
 */
export const promotions: Migration = {
  async up(db: Kysely<unknown>) {
    await createVersionedTable(db, 'promotions');
    await db.schema
      .createTable('coupons')
      .addColumn('code', 'text', (column) => column.primaryKey())
      .addColumn('promotion_id', 'text', (column) => column.notNull())
      .addColumn('single_use', 'integer', (column) => column.notNull())
      .addColumn('listed', 'integer', (column) => column.notNull())
      .addColumn('redeemed_at', 'bigint')
      .addColumn('order_id', 'text')
      .execute();
    await db.schema.createIndex('coupons_promotion').on('coupons').column('promotion_id').execute();
    await db.schema
      .createTable('promotion_usage')
      .addColumn('promotion_id', 'text', (column) => column.primaryKey())
      .addColumn('discount_given', 'bigint', (column) => column.notNull())
      .addColumn('redemptions', 'bigint', (column) => column.notNull())
      .addColumn('budget', 'bigint')
      .addColumn('max_redemptions', 'bigint')
      .execute();
    await db.schema
      .createTable('customer_usage')
      .addColumn('promotion_id', 'text', (column) => column.notNull())
      .addColumn('customer_key', 'text', (column) => column.notNull())
      .addColumn('redemptions', 'bigint', (column) => column.notNull())
      .addPrimaryKeyConstraint('customer_usage_pk', ['promotion_id', 'customer_key'])
      .execute();
    await db.schema
      .createTable('checkout_orders')
      .addColumn('order_id', 'text', (column) => column.primaryKey())
      .addColumn('request_hash', 'text', (column) => column.notNull())
      .addColumn('answer', 'text', (column) => column.notNull())
      .addColumn('created_at', 'bigint', (column) => column.notNull())
      .execute();
  },
};
