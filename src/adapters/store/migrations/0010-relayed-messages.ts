import { PostgresAdapter, type Kysely, type Migration } from 'kysely';

/**
 * Bus messages relayed through the store, from a command (an import) to the serving nodes on the
 * same store when there is no Redis between them. Numbered 0010 to leave 0009 to a change under way.
 */
export const relayedMessages: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    await db.schema
      .createTable('relayed_messages')
      .addColumn('seq', postgres ? 'bigserial' : 'integer', (column) =>
        postgres ? column.primaryKey() : column.primaryKey().autoIncrement(),
      )
      .addColumn('topic', 'text', (column) => column.notNull())
      .addColumn('payload', 'text', (column) => column.notNull())
      .addColumn('created_at', 'bigint', (column) => column.notNull())
      .execute();
  },
};
