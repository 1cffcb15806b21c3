import type { Kysely, Migration } from 'kysely';

/** Decisions, so clicks and orders may later cite the answer that led to them. */
export const decisions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('decisions')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('profile_id', 'text')
      .addColumn('at', 'bigint', (column) => column.notNull())
      .addColumn('shown', 'text', (column) => column.notNull())
      .execute();
  },
};
