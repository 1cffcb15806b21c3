import type { Transaction } from 'kysely';
import { withCustomerErased, type PriceList } from '../../../domain/pricing/index.js';
import type { Erasure, ErasureCounts } from '../../../ports/store.js';
import type { Database } from './database.js';
import { eraseExperimentUnits } from './experiment-queries.js';
import { CHUNK, chunks } from './profile-rows.js';
import { PROFILE_TABLES, deleteProfileRows } from './profile-tables.js';

/**
 * Tables keyed by the salted hash of a customer's id rather than by their profile (so that what they
 * hold outlives merges and counts anonymous carts): erasure deletes the rows under every id hash.
 */
export const CUSTOMER_KEY_TABLES = [
  { table: 'checkout_orders', column: 'customer_key' },
  { table: 'customer_usage', column: 'customer_key' },
  // Personal coupons a journey gave the customer.
  { table: 'coupons', column: 'customer_key' },
] as const;

/** Tables an erasure deletes from or rewrites, beyond the profile's own (for the engine's clean-up after it). */
export const ERASURE_TABLES = [
  'profiles',
  ...new Set(PROFILE_TABLES.map((entry) => entry.table)),
  ...CUSTOMER_KEY_TABLES.map((entry) => entry.table),
  'price_lists',
  'price_history',
  'audit_log',
  'experiment_units',
  'experiment_totals',
  'erasures',
  'derived_state_snapshots',
  'derived_state_snapshot_parts',
] as const;

/**
 * Erases a customer inside `trx` (see `ProfileStore.eraseProfile`). The profile row goes first:
 * on PostgreSQL deleting it waits for any transaction still writing that profile (ingestion, a
 * re-evaluation, decisions being logged, which lock it to share) and makes every later one find it
 * gone; so the rows those writers add are committed before they are looked for below, never after.
 */
export async function eraseProfileIn(trx: Transaction<Database>, erasure: Erasure): Promise<ErasureCounts> {
  const { profileId } = erasure;
  const profiles = Number(
    (await trx.deleteFrom('profiles').where('id', '=', profileId).executeTakeFirst()).numDeletedRows,
  );
  await deleteCheckoutTraces(trx, erasure);
  await deleteUnlinkedMessages(trx, erasure);
  const deleted = await deleteProfileRows(trx, profileId);
  await eraseFromPriceLists(trx, erasure);
  await eraseFromAudit(trx, erasure);
  await eraseExperimentUnits(trx, erasure.idHashes);
  // Snapshots of the models hold the customer's history: the next start replays the log instead.
  await trx.deleteFrom('derived_state_snapshots').execute();
  await trx.deleteFrom('derived_state_snapshot_parts').execute();
  for (let start = 0; start < erasure.idHashes.length; start += CHUNK) {
    const rows = erasure.idHashes
      .slice(start, start + CHUNK)
      .map((id_hash) => ({ id_hash, erased_at: erasure.now }));
    await trx
      .insertInto('erasures')
      .values(rows)
      .onConflict((oc) =>
        oc.column('id_hash').doUpdateSet((eb) => ({ erased_at: eb.ref('excluded.erased_at') })),
      )
      .execute();
  }
  return {
    profiles,
    identities: deleted.get('identities') ?? 0,
    events: deleted.get('events') ?? 0,
    orders: deleted.get('orders') ?? 0,
  };
}

/**
 * Checkout orders (what was bought, at what price) and what the customer used of per-customer
 * limits. Orders are found by the customer's key, and, for orders recorded before they carried
 * one, by the order ids the customer's tracked orders name (so this runs before those are deleted).
 */
async function deleteCheckoutTraces(trx: Transaction<Database>, erasure: Erasure): Promise<void> {
  const ordered = trx.selectFrom('orders').select('order_id').where('profile_id', '=', erasure.profileId);
  await trx.deleteFrom('checkout_orders').where('order_id', 'in', ordered).execute();
  for (const { table, column } of CUSTOMER_KEY_TABLES) {
    for (const chunk of chunks(erasure.idHashes))
      await trx.deleteFrom(table).where(trx.dynamic.ref(column), 'in', chunk).execute();
  }
}

/**
 * Webhook messages queued before messages carried their profile: found by the ids their payload
 * names. Messages since carry `profile_id` and go with the profile's other rows.
 */
async function deleteUnlinkedMessages(trx: Transaction<Database>, erasure: Erasure): Promise<void> {
  const rows = await trx
    .selectFrom('webhook_outbox')
    .select(['id', 'payload'])
    .where('profile_id', 'is', null)
    .execute();
  const anonymousIds = new Set(erasure.anonymousIds);
  const naming = rows
    .filter(({ payload }) => {
      const data = (JSON.parse(payload) as { data?: { userId?: unknown; anonymousIds?: unknown } }).data;
      const anons = Array.isArray(data?.anonymousIds) ? (data.anonymousIds as unknown[]) : [];
      return data?.userId === erasure.userId || anons.some((id) => anonymousIds.has(id as string));
    })
    .map((row) => row.id);
  for (const chunk of chunks(naming))
    await trx.deleteFrom('webhook_outbox').where('id', 'in', chunk).execute();
}

/**
 * Price lists for named customers: the userId is replaced by the stand-in, in the lists and in every
 * version of them the price history keeps. The list's version moves on so cached copies and ETags
 * are refreshed; its `updatedAt` stays, since the prices it sets did not change.
 */
async function eraseFromPriceLists(trx: Transaction<Database>, erasure: Erasure): Promise<void> {
  const { userId, standIn } = erasure;
  const named = (doc: string) => doc.includes(JSON.stringify(userId));
  const lists = (await trx.selectFrom('price_lists').selectAll().execute()).filter((row) => named(row.doc));
  for (const row of lists) {
    const doc = JSON.parse(row.doc) as Pick<PriceList, 'audience'>;
    const erased = withCustomerErased(doc, userId, standIn);
    if (erased === doc) continue;
    await trx
      .updateTable('price_lists')
      .set({ doc: JSON.stringify(erased), version: row.version + 1 })
      .where('id', '=', row.id)
      .execute();
  }
  const versions = await trx
    .selectFrom('price_history')
    .select(['kind', 'ref_id', 'valid_from', 'doc'])
    .where('kind', '=', 'list')
    .execute();
  for (const row of versions.filter((version) => named(version.doc))) {
    const doc = JSON.parse(row.doc) as PriceList;
    const erased = withCustomerErased(doc, userId, standIn);
    if (erased === doc) continue;
    await trx
      .updateTable('price_history')
      .set({ doc: JSON.stringify(erased) })
      .where('kind', '=', row.kind)
      .where('ref_id', '=', row.ref_id)
      .where('valid_from', '=', row.valid_from)
      .where('doc', '=', row.doc)
      .execute();
  }
}

/**
 * The audit log keeps merchant objects only, but a price list's audience may name customers: the
 * erased one is replaced by the stand-in in every audited state of every price list, as in the list.
 */
async function eraseFromAudit(trx: Transaction<Database>, erasure: Erasure): Promise<void> {
  const { userId, standIn } = erasure;
  const quoted = JSON.stringify(userId);
  const erased = (text: string | null) => {
    if (text === null || !text.includes(quoted)) return text;
    return JSON.stringify(
      withCustomerErased(JSON.parse(text) as Pick<PriceList, 'audience'>, userId, standIn),
    );
  };
  const rows = await trx
    .selectFrom('audit_log')
    .select(['id', 'before', 'after'])
    .where('resource_type', '=', 'price-list')
    .execute();
  for (const row of rows) {
    const before = erased(row.before);
    const after = erased(row.after);
    if (before === row.before && after === row.after) continue;
    await trx.updateTable('audit_log').set({ before, after }).where('id', '=', row.id).execute();
  }
}
