import type { Kysely } from 'kysely';
import type { Collection, CollectionDraft, Product, ProductDraft } from '../../../domain/catalog/index.js';
import { DomainError } from '../../../domain/shared/index.js';
import type { CatalogStore, StockRecord } from '../../../ports/store.js';
import type { Database } from './database.js';
import { checkVersion, upsertRows, writeRow, type VersionedRow } from './versioned-rows.js';

/** Rows per multi-row INSERT: well under SQLite's bound-parameter limit. */
const INSERT_CHUNK = 500;

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

    async countProducts() {
      const row = await db
        .selectFrom('products')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async putProduct(draft, { now, ifVersion }) {
      return toProduct(await writeRow(db, 'products', toRow(draft, now), ifVersion));
    },

    async putProducts(drafts, now) {
      if (drafts.length === 0) return [];
      return db.transaction().execute(async (trx) => {
        const written: Product[] = [];
        for (let start = 0; start < drafts.length; start += INSERT_CHUNK) {
          const rows = drafts.slice(start, start + INSERT_CHUNK).map((draft) => toRow(draft, now));
          const versions = await upsertRows(trx, 'products', rows);
          for (const row of rows)
            written.push(toProduct({ ...row, version: versions.get(row.id) as number }));
        }
        return written;
      });
    },

    async deleteProduct(id, ifVersion) {
      return db.transaction().execute(async (trx) => {
        await checkVersion(trx, 'products', id, ifVersion);
        await trx.deleteFrom('inventory').where('product_id', '=', id).execute();
        const result = await trx.deleteFrom('products').where('id', '=', id).executeTakeFirst();
        return result.numDeletedRows > 0n;
      });
    },

    async setStock(record, now) {
      // INSERT ... SELECT from products: one statement that writes nothing for an unknown product.
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
        throw new DomainError('product_not_found', `no product ${record.productId}`, {
          pointer: '/productId',
        });
      }
    },

    async getCollection(id) {
      const row = await db.selectFrom('collections').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toCollection(row);
    },

    async putCollection(draft, { now, ifVersion }) {
      return toCollection(await writeRow(db, 'collections', toRow(draft, now), ifVersion));
    },

    async deleteCollection(id) {
      const result = await db.deleteFrom('collections').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

function toRow({ id, ...doc }: ProductDraft | CollectionDraft, now: number): Omit<VersionedRow, 'version'> {
  return { id, doc: JSON.stringify(doc), updated_at: now };
}

function fromRow(row: VersionedRow) {
  const doc = JSON.parse(row.doc) as object;
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
