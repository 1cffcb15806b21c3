import type { Kysely, Migration } from 'kysely';
import { createVersionedTable } from './versioned-table.js';

/** Content slots: one JSON document per slot with its variants. */
export const content: Migration = {
  async up(db: Kysely<unknown>) {
    await createVersionedTable(db, 'content_slots');
  },
};
