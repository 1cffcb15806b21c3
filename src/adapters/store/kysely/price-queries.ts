import type { Kysely, Transaction } from 'kysely';
import type {
  BasePriceVersion,
  ListVersion,
  PriceList,
  PriceListDraft,
} from '../../../domain/pricing/index.js';
import type { Money } from '../../../domain/shared/index.js';
import type { PriceStore } from '../../../ports/store.js';
import type { Database, VersionedTable } from './database.js';
import { checkVersion, deleteRow, readDocument, writeRow } from './versioned-rows.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Price lists and price history, in SQL that SQLite and PostgreSQL both run. */
export function priceQueries(db: Kysely<Database>): PriceStore {
  return {
    async putPriceList({ id, ...doc }: PriceListDraft, { now, ifVersion }) {
      return db.transaction().execute(async (trx) => {
        const row = await writeRow(
          trx,
          'price_lists',
          { id, doc: JSON.stringify(doc), updated_at: now },
          ifVersion,
        );
        const list = toPriceList(row);
        await recordHistory(trx, 'list', id, JSON.stringify(list), now);
        return list;
      });
    },

    async getPriceList(id) {
      const row = await db.selectFrom('price_lists').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toPriceList(row);
    },

    async listPriceLists() {
      return (await db.selectFrom('price_lists').selectAll().orderBy('id').execute()).map(toPriceList);
    },

    async deletePriceList(id, ifVersion, now) {
      return db.transaction().execute(async (trx) => {
        await checkVersion(trx, 'price_lists', id, ifVersion);
        const deleted = await deleteRow(trx, 'price_lists', id);
        if (deleted) await closeHistory(trx, 'list', id, now);
        return deleted;
      });
    },

    async priceHistory(since) {
      const rows = await db
        .selectFrom('price_history')
        .selectAll()
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', since)]))
        .orderBy('valid_from')
        .execute();
      const lists: ListVersion[] = [];
      const base = new Map<string, BasePriceVersion[]>();
      for (const row of rows) {
        if (row.kind === 'list') {
          lists.push({
            list: JSON.parse(row.doc) as PriceList,
            from: Number(row.valid_from),
            to: validTo(row),
          });
        } else addBaseVersion(base, row);
      }
      return { lists, base };
    },

    async basePriceHistory(productIds, since) {
      const base = new Map<string, BasePriceVersion[]>();
      if (productIds.length === 0) return base;
      const rows = await db
        .selectFrom('price_history')
        .selectAll()
        .where('kind', '=', 'base')
        .where('ref_id', 'in', productIds)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', since)]))
        .orderBy('valid_from')
        .execute();
      for (const row of rows) addBaseVersion(base, row);
      return base;
    },
  };
}

function validTo(row: { valid_to: number | string | null }): number | null {
  return row.valid_to === null ? null : Number(row.valid_to);
}

/**
 * Adds a base-price row to its product's versions (rows come oldest first). A product's first
 * version starts a list of one: pushing onto an empty array reserves 16 slots, 13 MB of a
 * 100,000-product catalogue where nearly every product has one price in its history.
 */
function addBaseVersion(
  base: Map<string, BasePriceVersion[]>,
  row: { ref_id: string; doc: string; valid_from: number | string; valid_to: number | string | null },
): void {
  const price = JSON.parse(row.doc) as Money;
  const version = {
    amount: price.amount,
    currency: price.currency,
    from: Number(row.valid_from),
    to: validTo(row),
  };
  const versions = base.get(row.ref_id);
  if (versions === undefined) base.set(row.ref_id, [version]);
  else versions.push(version);
}

/** Closes what was in force and records what is now (a list version, a base price). */
export async function recordHistory(
  db: Executor,
  kind: 'list' | 'base',
  refId: string,
  doc: string,
  now: number,
): Promise<void> {
  await closeHistory(db, kind, refId, now);
  await db
    .insertInto('price_history')
    .values({ kind, ref_id: refId, doc, valid_from: now, valid_to: null })
    .execute();
}

async function closeHistory(db: Executor, kind: 'list' | 'base', refId: string, now: number): Promise<void> {
  await db
    .updateTable('price_history')
    .set({ valid_to: now })
    .where('kind', '=', kind)
    .where('ref_id', '=', refId)
    .where('valid_to', 'is', null)
    .execute();
}

function toPriceList(row: VersionedTable): PriceList {
  const doc = readDocument<Omit<PriceListDraft, 'id'>>(row.doc);
  return {
    id: row.id,
    ...doc,
    version: row.version,
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}
