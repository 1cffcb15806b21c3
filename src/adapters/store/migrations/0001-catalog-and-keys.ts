import type { Kysely, Migration } from 'kysely';
import { createVersionedTable } from './versioned-table.js';

/** Catalogue, inventory, collections, API keys and store settings. */
export const catalogAndKeys: Migration = {
  async up(db: Kysely<unknown>) {
    for (const table of ['products', 'collections']) await createVersionedTable(db, table);
    await db.schema
      .createTable('inventory')
      .addColumn('product_id', 'text', (column) =>
        column.notNull().references('products.id').onDelete('cascade'),
      )
      .addColumn('location', 'text', (column) => column.notNull())
      .addColumn('available', 'bigint', (column) => column.notNull())
      .addColumn('updated_at', 'bigint', (column) => column.notNull())
      .addPrimaryKeyConstraint('inventory_pk', ['product_id', 'location'])
      .execute();
    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('key_hash', 'text', (column) => column.notNull().unique())
      .addColumn('publishable_key', 'text')
      .addColumn('label', 'text', (column) => column.notNull())
      .addColumn('created_at', 'bigint', (column) => column.notNull())
      .execute();
    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (column) => column.primaryKey())
      .addColumn('value', 'text', (column) => column.notNull())
      .execute();
  },
};
