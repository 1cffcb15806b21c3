import type { Kysely, Transaction } from 'kysely';
import { upgradeProfile, type Profile, type TrackedEvent } from '../../../domain/profiles/index.js';
import type { Identity, OrderRecord, StoredEvent, VersionedProfile } from '../../../ports/store.js';
import type { Database, OrderTable, ProfileTable, ProfileValueTable } from './database.js';

/** Rows per multi-row statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
export const CHUNK = 200;

export type Executor = Kysely<Database> | Transaction<Database>;

/** The profiles these ids are linked to, keyed by `identityKey`. */
export async function findProfileIds(
  db: Executor,
  identities: readonly Identity[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const kind of ['user', 'anon'] as const) {
    const values = identities.filter((identity) => identity.kind === kind).map((identity) => identity.value);
    for (const chunk of chunks(values)) {
      const rows = await db
        .selectFrom('identities')
        .select(['value', 'profile_id'])
        .where('kind', '=', kind)
        .where('value', 'in', chunk)
        .execute();
      for (const row of rows) found.set(identityKey({ kind, value: row.value }), row.profile_id);
    }
  }
  return found;
}

export async function getProfiles(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, VersionedProfile>> {
  const found = new Map<string, VersionedProfile>();
  for (const chunk of chunks(ids)) {
    const rows = await db
      .selectFrom('profiles')
      .select(['id', 'version', 'doc'])
      .where('id', 'in', chunk)
      .execute();
    for (const row of rows) found.set(row.id, toVersionedProfile(row));
  }
  return found;
}

/** The key under which an identity is cached and looked up: `user:17850`, `anon:a-9`. */
export function identityKey(identity: Identity): string {
  return `${identity.kind}:${identity.value}`;
}

export function profileRow(
  profile: Profile,
): Pick<ProfileTable, 'id' | 'user_id' | 'doc' | 'order_count' | 'last_order_at'> {
  return {
    id: profile.id,
    user_id: profile.userId ?? null,
    doc: JSON.stringify(profile),
    ...orderColumns(profile),
  };
}

/** The indexed columns a profile's row copies from its orders. */
export function orderColumns(profile: Profile): Pick<ProfileTable, 'order_count' | 'last_order_at'> {
  const { orderCount, lastOrderAt } = profile.stats;
  return {
    order_count: orderCount,
    last_order_at: lastOrderAt === undefined ? null : Date.parse(lastOrderAt),
  };
}

/**
 * A profile's lifetime values as rows of `profile_values`: only once it has ordered (an order count
 * and a latest order), so the RFM quintiles read the table alone, without a join to every profile.
 */
export function profileValueRows(profile: Profile): ProfileValueTable[] {
  const { orderCount, lastOrderAt, lifetimeValue } = profile.stats;
  if (orderCount === 0 || lastOrderAt === undefined) return [];
  return Object.entries(lifetimeValue).map(([currency, amount]) => ({
    profile_id: profile.id,
    currency,
    amount,
  }));
}

export function toVersionedProfile(row: { version: number; doc: string }): VersionedProfile {
  return { profile: upgradeProfile(JSON.parse(row.doc) as Profile), version: row.version };
}

export function toOrderRecord(row: OrderTable): OrderRecord {
  return {
    orderId: row.order_id,
    profileId: row.profile_id,
    messageId: row.message_id,
    currency: row.currency,
    amount: Number(row.amount),
    at: new Date(Number(row.ts)).toISOString(),
    source: row.source === 'api' ? 'api' : 'event',
  };
}

/** The items in slices of CHUNK, one statement each. */
export function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += CHUNK) yield items.slice(start, start + CHUNK);
}

export function toStoredEvent(row: { seq: number | string; profile_id: string; doc: string }): StoredEvent {
  return { seq: Number(row.seq), profileId: row.profile_id, event: JSON.parse(row.doc) as TrackedEvent };
}

/** Rewrites the lifetime values of profiles just written (a chunk: one delete and one insert). */
export async function writeProfileValues(
  trx: Transaction<Database>,
  writes: readonly { readonly profile: Profile }[],
): Promise<void> {
  if (writes.length === 0) return;
  await trx
    .deleteFrom('profile_values')
    .where(
      'profile_id',
      'in',
      writes.map(({ profile }) => profile.id),
    )
    .execute();
  const rows = writes.flatMap(({ profile }) => profileValueRows(profile));
  if (rows.length > 0) await trx.insertInto('profile_values').values(rows).execute();
}
