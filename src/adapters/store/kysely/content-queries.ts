import type { Kysely } from 'kysely';
import type { ContentSlot, ContentSlotDraft } from '../../../domain/content/index.js';
import type { ContentStore } from '../../../ports/content-store.js';
import type { Database, VersionedTable } from './database.js';
import { checkVersion, deleteRow, readDocument, writeRow } from './versioned-rows.js';

export function contentQueries(db: Kysely<Database>): ContentStore {
  return {
    async putContentSlot({ id, ...doc }, { now, ifVersion }) {
      return toSlot(
        await writeRow(db, 'content_slots', { id, doc: JSON.stringify(doc), updated_at: now }, ifVersion),
      );
    },

    async getContentSlot(id) {
      const row = await db.selectFrom('content_slots').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSlot(row);
    },

    async listContentSlots() {
      return (await db.selectFrom('content_slots').selectAll().orderBy('id').execute()).map(toSlot);
    },

    async deleteContentSlot(id, ifVersion) {
      return db.transaction().execute(async (trx) => {
        await checkVersion(trx, 'content_slots', id, ifVersion);
        return deleteRow(trx, 'content_slots', id);
      });
    },
  };
}

function toSlot(row: VersionedTable): ContentSlot {
  const doc = readDocument<Omit<ContentSlotDraft, 'id'>>(row.doc);
  return {
    id: row.id,
    ...doc,
    version: row.version,
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}
