import type { Kysely, Migration } from 'kysely';
import { createVersionedTable } from './versioned-table.js';
import { TOTALS_COLUMNS } from './totals-columns.js';

/**
 * Experiments: one JSON document each; each unit's assignment with its outcome so far (keyed by the
 * salted hash of its id, so erasure finds it and a merge need not move it); and each variant's
 * sufficient statistics, kept up to date as units come in, so results never scan units.
 */
export const experiments: Migration = {
  async up(db: Kysely<unknown>) {
    await createVersionedTable(db, 'experiments');
    await db.schema
      .createTable('experiment_units')
      .addColumn('experiment_id', 'text', (column) => column.notNull())
      .addColumn('unit_key', 'text', (column) => column.notNull())
      .addColumn('variant', 'text', (column) => column.notNull())
      .addColumn('exposed_at', 'bigint', (column) => column.notNull())
      .addColumn('outcome', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('experiment_units_pk', ['experiment_id', 'unit_key'])
      .execute();
    await db.schema.createIndex('experiment_units_unit').on('experiment_units').column('unit_key').execute();
    let totals = db.schema
      .createTable('experiment_totals')
      .addColumn('experiment_id', 'text', (column) => column.notNull())
      .addColumn('variant', 'text', (column) => column.notNull());
    for (const name of TOTALS_COLUMNS) {
      totals = totals.addColumn(name, 'double precision', (column) => column.notNull().defaultTo(0));
    }
    await totals.addPrimaryKeyConstraint('experiment_totals_pk', ['experiment_id', 'variant']).execute();
  },
};
