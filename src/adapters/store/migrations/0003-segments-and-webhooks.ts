import type { Kysely, Migration } from 'kysely';
import { createVersionedTable } from './versioned-table.js';

/** Segments and their members, scheduled re-checks of time windows, webhooks and their outbox. */
export const segmentsAndWebhooks: Migration = {
  async up(db: Kysely<unknown>) {
    for (const table of ['segments', 'webhooks']) await createVersionedTable(db, table);
    await db.schema.alterTable('segments').addColumn('backfill', 'text').execute();
    await db.schema
      .createTable('segment_members')
      .addColumn('segment_id', 'text', (column) => column.notNull())
      .addColumn('profile_id', 'text', (column) => column.notNull())
      .addColumn('since', 'bigint', (column) => column.notNull())
      .addPrimaryKeyConstraint('segment_members_pk', ['segment_id', 'profile_id'])
      .execute();
    await db.schema
      .createIndex('segment_members_profile')
      .on('segment_members')
      .column('profile_id')
      .execute();
    await db.schema
      .createTable('profile_checks')
      .addColumn('profile_id', 'text', (column) => column.primaryKey())
      .addColumn('due_at', 'bigint', (column) => column.notNull())
      .execute();
    await db.schema
      .createTable('webhook_outbox')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('webhook_id', 'text', (column) => column.notNull())
      .addColumn('type', 'text', (column) => column.notNull())
      .addColumn('payload', 'text', (column) => column.notNull())
      .addColumn('created_at', 'bigint', (column) => column.notNull())
      .addColumn('attempts', 'integer', (column) => column.notNull())
      .addColumn('next_attempt_at', 'bigint', (column) => column.notNull())
      .addColumn('claimed_until', 'bigint')
      .addColumn('delivered_at', 'bigint')
      .addColumn('last_error', 'text')
      .execute();
    await db.schema
      .createIndex('webhook_outbox_due')
      .on('webhook_outbox')
      .columns(['delivered_at', 'next_attempt_at'])
      .execute();
  },
};
