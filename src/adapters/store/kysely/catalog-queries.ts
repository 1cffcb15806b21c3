import type { Kysely, Transaction } from 'kysely';
import {
  CatalogError,
  type Collection,
  type CollectionDraft,
  type Product,
  type ProductDraft,
} from '../../../domain/catalog/index.js';
import type { CatalogStore, StockRecord } from '../../../ports/store.js';
import { inAuditedTransaction, recordChanges } from './audit-rows.js';
import type { Database } from './database.js';
import {
  checkVersion,
  deleteRow,
  readDocument,
  upsertRows,
  type VersionedRow,
  writeRow,
} from './versioned-rows.js';

/** Rows per multi-row INSERT: well under SQLite's bound-parameter limit. */
const INSERT_CHUNK = 500;
/** Ids per `IN (...)` read: one round trip each, well under either store's parameter limit. */
const READ_CHUNK = 1_000;

/** The catalogue half of the store, in SQL that SQLite and PostgreSQL both run. */
export function catalogQueries(db: Kysely<Database>): CatalogStore {
  return {
    async loadCatalog() {
      const [products, stock, collections] = await Promise.all([
        db.selectFrom('products').selectAll().execute(),
        db.selectFrom('inventory').select(['product_id', 'location', 'available']).execute(),
        db.selectFrom('collections').selectAll().execute(),
      ]);
      return {
        products: products.map(toProduct),
        stock: stock.map(toStockRecord),
        collections: collections.map(toCollection),
      };
    },

    async getProduct(id) {
      const row = await db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toProduct(row);
    },

    async getStock(productId) {
      const rows = await db
        .selectFrom('inventory')
        .select(['product_id', 'location', 'available'])
        .where('product_id', '=', productId)
        .execute();
      return rows.map(toStockRecord);
    },

    async getProducts(ids) {
      const products: Product[] = [];
      for (let start = 0; start < ids.length; start += READ_CHUNK) {
        const rows = await db
          .selectFrom('products')
          .selectAll()
          .where('id', 'in', ids.slice(start, start + READ_CHUNK))
          .execute();
        for (const row of rows) products.push(toProduct(row));
      }
      return products;
    },

    async getStocks(productIds) {
      const records: StockRecord[] = [];
      for (let start = 0; start < productIds.length; start += READ_CHUNK) {
        const rows = await db
          .selectFrom('inventory')
          .select(['product_id', 'location', 'available'])
          .where('product_id', 'in', productIds.slice(start, start + READ_CHUNK))
          .execute();
        for (const row of rows) records.push(toStockRecord(row));
      }
      return records;
    },

    async countProducts() {
      const row = await db
        .selectFrom('products')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async putProduct(draft, { now, ifVersion }) {
      return db.transaction().execute(async (trx) => {
        const previous = await basePrices(trx, [draft.id]);
        const product = toProduct(await writeRow(trx, 'products', toRow(draft, now), ifVersion));
        await recordBasePriceChanges(trx, [product], previous, now);
        return product;
      });
    },

    async putProducts(drafts, now) {
      if (drafts.length === 0) return [];
      return db.transaction().execute(async (trx) => {
        const previous = await basePrices(
          trx,
          drafts.map((draft) => draft.id),
        );
        const written: Product[] = [];
        for (let start = 0; start < drafts.length; start += INSERT_CHUNK) {
          const rows = drafts.slice(start, start + INSERT_CHUNK).map((draft) => toRow(draft, now));
          const versions = await upsertRows(trx, 'products', rows);
          for (const row of rows)
            written.push(toProduct({ ...row, version: versions.get(row.id) as number }));
        }
        await recordBasePriceChanges(trx, written, previous, now);
        return written;
      });
    },

    async deleteProduct(id, now, ifVersion) {
      return db.transaction().execute(async (trx) => {
        await checkVersion(trx, 'products', id, ifVersion);
        await trx.deleteFrom('inventory').where('product_id', '=', id).execute();
        const deleted = await deleteRow(trx, 'products', id);
        if (deleted) await closeBasePrices(trx, [id], now);
        return deleted;
      });
    },

    async setStock(record, now) {
      await inAuditedTransaction(db, async (db) => {
        const id = `${record.productId}@${record.location}`;
        const before = await db
          .selectFrom('inventory')
          .select('available')
          .where('product_id', '=', record.productId)
          .where('location', '=', record.location)
          .executeTakeFirst();
        await writeStock(db, record, now);
        await recordChanges(db, [
          {
            type: 'inventory',
            id,
            before: before === undefined ? null : { available: Number(before.available) },
            after: { available: record.available },
          },
        ]);
      });
    },

    async getCollection(id) {
      const row = await db.selectFrom('collections').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toCollection(row);
    },

    async putCollection(draft, { now, ifVersion }) {
      return toCollection(await writeRow(db, 'collections', toRow(draft, now), ifVersion));
    },

    async deleteCollection(id) {
      return deleteRow(db, 'collections', id);
    },
  };
}

/** The base prices the products have now, by id (absent for new products). */
async function basePrices(trx: Transaction<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  const prices = new Map<string, string>();
  for (let start = 0; start < ids.length; start += INSERT_CHUNK) {
    const rows = await trx
      .selectFrom('products')
      .select(['id', 'doc'])
      .where('id', 'in', ids.slice(start, start + INSERT_CHUNK))
      .execute();
    for (const row of rows)
      prices.set(row.id, JSON.stringify(readDocument<Partial<Pick<ProductDraft, 'price'>>>(row.doc).price));
  }
  return prices;
}

/**
 * Records base prices that changed (or are new) in the price history, closing what held before, so
 * the lowest price of the last 30 days can be told (EU Omnibus). Unchanged prices write nothing.
 * Only products that existed have a price to close (a deleted product's closed with it): a new
 * product costs no look at the history, which on PostgreSQL with statistics older than the rows (a
 * large import into a fresh table) read every open price for each chunk.
 */
async function recordBasePriceChanges(
  trx: Transaction<Database>,
  products: readonly Product[],
  previous: ReadonlyMap<string, string>,
  now: number,
): Promise<void> {
  const changed = products.filter((product) => previous.get(product.id) !== JSON.stringify(product.price));
  for (let start = 0; start < changed.length; start += INSERT_CHUNK) {
    const chunk = changed.slice(start, start + INSERT_CHUNK);
    await closeBasePrices(
      trx,
      chunk.filter((product) => previous.has(product.id)).map((product) => product.id),
      now,
    );
    await trx
      .insertInto('price_history')
      .values(
        chunk.map((product) => ({
          kind: 'base',
          ref_id: product.id,
          doc: JSON.stringify(product.price),
          valid_from: now,
          valid_to: null,
        })),
      )
      .execute();
  }
}

/** Ends the base prices in force of `ids` at `now`. */
async function closeBasePrices(
  db: Kysely<Database> | Transaction<Database>,
  ids: readonly string[],
  now: number,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('price_history')
    .set({ valid_to: now })
    .where('ref_id', 'in', ids)
    .where('kind', '=', 'base')
    .where('valid_to', 'is', null)
    .execute();
}

function toRow({ id, ...doc }: ProductDraft | CollectionDraft, now: number): Omit<VersionedRow, 'version'> {
  return { id, doc: JSON.stringify(doc), updated_at: now };
}

function fromRow(row: VersionedRow) {
  const doc = readDocument<object>(row.doc);
  return {
    id: row.id,
    ...doc,
    version: row.version,
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}

const toProduct = (row: VersionedRow) => fromRow(row) as Product;
const toCollection = (row: VersionedRow) => fromRow(row) as Collection;

function toStockRecord(row: { product_id: string; location: string; available: number }): StockRecord {
  return { productId: row.product_id, location: row.location, available: Number(row.available) };
}

/** Writes a product's stock at a location (INSERT ... SELECT from products: one statement that
 * writes nothing for an unknown product, which is refused). */
async function writeStock(
  db: Kysely<Database> | Transaction<Database>,
  record: { readonly productId: string; readonly location: string; readonly available: number },
  now: number,
): Promise<void> {
  const result = await db
    .insertInto('inventory')
    .columns(['product_id', 'location', 'available', 'updated_at'])
    .expression((eb) =>
      eb
        .selectFrom('products')
        .select((inner) => [
          'id',
          inner.val(record.location).as('location'),
          inner.val(record.available).as('available'),
          inner.val(now).as('updated_at'),
        ])
        .where('id', '=', record.productId),
    )
    .onConflict((oc) =>
      oc.columns(['product_id', 'location']).doUpdateSet((eb) => ({
        available: eb.ref('excluded.available'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) {
    throw new CatalogError('product_not_found', `no product ${record.productId}`, {
      pointer: '/productId',
    });
  }
}
