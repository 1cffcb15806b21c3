import type { Kysely, Migration } from 'kysely';

/**
 * What erasure needs to find a customer's rows where they were kept without a profile link: webhook
 * messages name the customer in their payload (now also by `profile_id`, which a merge moves), and
 * checkout orders are kept per customer under the same salted id hash that per-customer limits use
 * (`customer_key`). Rows written before this migration have neither; erasure finds those by their
 * order id and payload instead (kysely/erase-profile.ts).
 */
export const erasureLinks: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('webhook_outbox').addColumn('profile_id', 'text').execute();
    await db.schema.createIndex('webhook_outbox_profile').on('webhook_outbox').column('profile_id').execute();
    await db.schema.alterTable('checkout_orders').addColumn('customer_key', 'text').execute();
    await db.schema
      .createIndex('checkout_orders_customer')
      .on('checkout_orders')
      .column('customer_key')
      .execute();
  },
};
