import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Ends the base prices still in force of products that no longer exist. A deleted product's price
 * is now ended with it, and a product written anew closes only a price it had when it existed, so
 * that writing new products (an import) never looks at the history; prices left open by deletions
 * before this would otherwise stay in force beside the new one. They end now, the moment nearest
 * to when the old code would have ended them (at the product's next write).
 */
export const closeDeletedBasePrices: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      update price_history set valid_to = ${Date.now()}
      where kind = 'base' and valid_to is null
        and not exists (select 1 from products where products.id = price_history.ref_id)
    `.execute(db);
  },
};
