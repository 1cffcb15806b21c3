import type { Kysely, Migration } from 'kysely';
import { createVersionedTable } from './versioned-table.js';

/** Price lists, and the history of lists and base prices that the EU Omnibus lowest-price rule reads. */
export const pricing: Migration = {
  async up(db: Kysely<unknown>) {
    await createVersionedTable(db, 'price_lists');
    await db.schema
      .createTable('price_history')
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('ref_id', 'text', (column) => column.notNull())
      .addColumn('doc', 'text', (column) => column.notNull())
      .addColumn('valid_from', 'bigint', (column) => column.notNull())
      .addColumn('valid_to', 'bigint')
      .execute();
    await db.schema
      .createIndex('price_history_ref')
      .on('price_history')
      .columns(['kind', 'ref_id', 'valid_to'])
      .execute();
    await db.schema
      .createIndex('price_history_time')
      .on('price_history')
      .columns(['valid_to', 'valid_from'])
      .execute();
  },
};
