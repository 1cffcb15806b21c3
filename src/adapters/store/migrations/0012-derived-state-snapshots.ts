import { PostgresAdapter, type Kysely, type Migration } from 'kysely';

/**
 * Snapshots of the state a node derives from the event log (the recommendation models), so a
 * restart reads the newest snapshot and replays only the events after it. A snapshot is its
 * compressed parts, written first, and a header written last: a snapshot without a header is an
 * unfinished one and is never read.
 */
export const derivedStateSnapshots: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    await db.schema
      .createTable('derived_state_snapshots')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('format', 'integer', (column) => column.notNull())
      .addColumn('created_at', 'bigint', (column) => column.notNull())
      .addColumn('parts', 'integer', (column) => column.notNull())
      .addColumn('bytes', 'bigint', (column) => column.notNull())
      .addColumn('meta', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createTable('derived_state_snapshot_parts')
      .addColumn('snapshot_id', 'text', (column) => column.notNull())
      .addColumn('part', 'integer', (column) => column.notNull())
      .addColumn('data', postgres ? 'bytea' : 'blob', (column) => column.notNull())
      .addPrimaryKeyConstraint('derived_state_snapshot_parts_pk', ['snapshot_id', 'part'])
      .execute();
  },
};
