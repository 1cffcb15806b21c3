import { PostgresAdapter, type Kysely, type Migration } from 'kysely';

/** Events (deduplicated by messageId), orders (counted once by orderId), profiles and their ids, erasures. */
export const eventsAndProfiles: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    await db.schema
      .createTable('profiles')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('user_id', 'text')
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('doc', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'bigint', (column) => column.notNull())
      .execute();
    await db.schema
      .createTable('identities')
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('value', 'text', (column) => column.notNull())
      .addColumn('profile_id', 'text', (column) => column.notNull())
      .addColumn('created_at', 'bigint', (column) => column.notNull())
      .addPrimaryKeyConstraint('identities_pk', ['kind', 'value'])
      .execute();
    await db.schema.createIndex('identities_profile').on('identities').column('profile_id').execute();
    await db.schema
      .createTable('events')
      // A store-wide arrival order, for export and for consumers that follow the log.
      .addColumn('seq', postgres ? 'bigserial' : 'integer', (column) =>
        postgres ? column.primaryKey() : column.primaryKey().autoIncrement(),
      )
      .addColumn('message_id', 'text', (column) => column.notNull().unique())
      .addColumn('profile_id', 'text', (column) => column.notNull())
      .addColumn('type', 'text', (column) => column.notNull())
      .addColumn('name', 'text')
      .addColumn('ts', 'bigint', (column) => column.notNull())
      .addColumn('received_at', 'bigint', (column) => column.notNull())
      .addColumn('doc', 'text', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('events_profile_time').on('events').columns(['profile_id', 'ts']).execute();
    await db.schema
      .createTable('orders')
      .addColumn('order_id', 'text', (column) => column.primaryKey())
      .addColumn('profile_id', 'text', (column) => column.notNull())
      .addColumn('message_id', 'text', (column) => column.notNull())
      .addColumn('currency', 'text', (column) => column.notNull())
      .addColumn('amount', 'bigint', (column) => column.notNull())
      .addColumn('ts', 'bigint', (column) => column.notNull())
      .addColumn('source', 'text', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('orders_profile').on('orders').column('profile_id').execute();
    await db.schema
      .createTable('profile_merges')
      .addColumn('from_profile_id', 'text', (column) => column.notNull())
      .addColumn('to_profile_id', 'text', (column) => column.notNull())
      .addColumn('at', 'bigint', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('profile_merges_to').on('profile_merges').column('to_profile_id').execute();
    await db.schema
      .createTable('erasures')
      .addColumn('id_hash', 'text', (column) => column.primaryKey())
      .addColumn('erased_at', 'bigint', (column) => column.notNull())
      .execute();
  },
};
