import type { Kysely, Transaction } from 'kysely';
import { upgradeProfile, type Profile, type TrackedEvent } from '../../../domain/profiles/index.js';
import {
  WriteConflict,
  type Identity,
  type OrderRecord,
  type ProfileStore,
  type ProfileTransaction,
  type StoredEvent,
  type VersionedProfile,
} from '../../../ports/store.js';
import type { Database, EventTable, OrderTable, ProfileTable } from './database.js';

/** Rows per multi-row statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 200;

type Executor = Kysely<Database> | Transaction<Database>;

export interface ProfileQueryOptions {
  /** Runs after an erasure commits, to purge what the engine may still hold of deleted rows. */
  readonly afterErase?: () => Promise<void>;
}

/** Events, orders, profiles and identities, in SQL that SQLite and PostgreSQL both run. */
export function profileQueries(db: Kysely<Database>, options: ProfileQueryOptions = {}): ProfileStore {
  return {
    profileTransaction: (work) => db.transaction().execute((trx) => work(transactionOn(trx))),

    async findProfileId(identity) {
      return (await findProfileIds(db, [identity])).get(identityKey(identity));
    },

    async getProfile(id) {
      return (await getProfiles(db, [id])).get(id);
    },

    async scanProfiles(afterId, limit) {
      let query = db.selectFrom('profiles').select(['id', 'version', 'doc']).orderBy('id').limit(limit);
      if (afterId !== undefined) query = query.where('id', '>', afterId);
      return (await query.execute()).map(toVersionedProfile);
    },

    async scanTrackEvents(afterSeq, limit) {
      const rows = await db
        .selectFrom('events')
        .select(['seq', 'profile_id', 'doc'])
        .where('seq', '>', afterSeq)
        .where('type', '=', 'track')
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(toStoredEvent);
    },

    async eventsOf(profileId) {
      const rows = await db
        .selectFrom('events')
        .select(['seq', 'profile_id', 'doc'])
        .where('profile_id', '=', profileId)
        .orderBy('seq')
        .execute();
      return rows.map(toStoredEvent);
    },

    async ordersOf(profileId) {
      const rows = await db
        .selectFrom('orders')
        .selectAll()
        .where('profile_id', '=', profileId)
        .orderBy('ts')
        .execute();
      return rows.map(toOrderRecord);
    },

    async mergesInto(profileId) {
      const rows = await db
        .selectFrom('profile_merges')
        .select(['from_profile_id', 'at'])
        .where('to_profile_id', '=', profileId)
        .execute();
      return rows.map((row) => ({ fromProfileId: row.from_profile_id, at: Number(row.at) }));
    },

    async countProfiles() {
      const row = await db
        .selectFrom('profiles')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async countEvents() {
      const row = await db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async eraseProfile(profileId, idHashes, now) {
      const counts = await db.transaction().execute(async (trx) => {
        const deleted = async (table: 'events' | 'orders' | 'identities') =>
          Number(
            (await trx.deleteFrom(table).where('profile_id', '=', profileId).executeTakeFirst())
              .numDeletedRows,
          );
        const events = await deleted('events');
        const orders = await deleted('orders');
        const identities = await deleted('identities');
        await trx.deleteFrom('profile_merges').where('to_profile_id', '=', profileId).execute();
        await trx.deleteFrom('segment_members').where('profile_id', '=', profileId).execute();
        await trx.deleteFrom('profile_checks').where('profile_id', '=', profileId).execute();
        const profiles = Number(
          (await trx.deleteFrom('profiles').where('id', '=', profileId).executeTakeFirst()).numDeletedRows,
        );
        for (let start = 0; start < idHashes.length; start += CHUNK) {
          const rows = idHashes.slice(start, start + CHUNK).map((id_hash) => ({ id_hash, erased_at: now }));
          await trx
            .insertInto('erasures')
            .values(rows)
            .onConflict((oc) =>
              oc.column('id_hash').doUpdateSet((eb) => ({ erased_at: eb.ref('excluded.erased_at') })),
            )
            .execute();
        }
        return { profiles, identities, events, orders };
      });
      await options.afterErase?.();
      return counts;
    },

    async erasures() {
      const rows = await db.selectFrom('erasures').selectAll().execute();
      return new Map(rows.map((row) => [row.id_hash, Number(row.erased_at)]));
    },
  };
}

function transactionOn(trx: Transaction<Database>): ProfileTransaction {
  return {
    async changeMemberships(changes) {
      const entries = changes.filter((change) => change.member);
      for (const chunk of chunks(entries)) {
        await trx
          .insertInto('segment_members')
          .values(
            chunk.map((change) => ({
              segment_id: change.segmentId,
              profile_id: change.profileId,
              since: change.at,
            })),
          )
          .onConflict((oc) => oc.columns(['segment_id', 'profile_id']).doNothing())
          .execute();
      }
      // Exits, a chunk per statement: (segment_id, profile_id) IN ((…), (…)) runs on both stores.
      const exits = changes.filter((change) => !change.member);
      for (const chunk of chunks(exits)) {
        await trx
          .deleteFrom('segment_members')
          .where((eb) =>
            eb(
              eb.refTuple('segment_id', 'profile_id'),
              'in',
              chunk.map((change) => eb.tuple(change.segmentId, change.profileId)),
            ),
          )
          .execute();
      }
    },

    async enqueueMessages(entries, now) {
      for (const chunk of chunks(entries)) {
        await trx
          .insertInto('webhook_outbox')
          .values(
            chunk.map((entry) => ({
              id: entry.id,
              webhook_id: entry.webhookId,
              type: entry.type,
              payload: entry.payload,
              created_at: now,
              attempts: 0,
              next_attempt_at: now,
              claimed_until: null,
              delivered_at: null,
              last_error: null,
            })),
          )
          .execute();
      }
    },

    async scheduleChecks(checks) {
      const due = checks.filter(
        (check): check is { profileId: string; dueAt: number } => check.dueAt !== null,
      );
      for (const chunk of chunks(due)) {
        await trx
          .insertInto('profile_checks')
          .values(chunk.map((check) => ({ profile_id: check.profileId, due_at: check.dueAt })))
          .onConflict((oc) =>
            oc.column('profile_id').doUpdateSet((eb) => ({ due_at: eb.ref('excluded.due_at') })),
          )
          .execute();
      }
      const cleared = checks.filter((check) => check.dueAt === null).map((check) => check.profileId);
      for (const chunk of chunks(cleared))
        await trx.deleteFrom('profile_checks').where('profile_id', 'in', chunk).execute();
    },

    findProfileIds: (identities) => findProfileIds(trx, identities),
    getProfiles: (ids) => getProfiles(trx, ids),

    async erasedAt(idHashes) {
      const erased = new Map<string, number>();
      for (const chunk of chunks(idHashes)) {
        const rows = await trx.selectFrom('erasures').selectAll().where('id_hash', 'in', chunk).execute();
        for (const row of rows) erased.set(row.id_hash, Number(row.erased_at));
      }
      return erased;
    },

    async existingMessageIds(messageIds) {
      const found = new Set<string>();
      for (const chunk of chunks(messageIds)) {
        const rows = await trx
          .selectFrom('events')
          .select('message_id')
          .where('message_id', 'in', chunk)
          .execute();
        for (const row of rows) found.add(row.message_id);
      }
      return found;
    },

    async insertEvents(rows) {
      for (const chunk of chunks(rows)) {
        const values = chunk.map(({ profileId, event }): Omit<EventTable, 'seq'> => ({
          message_id: event.messageId,
          profile_id: profileId,
          type: event.type,
          name: event.event ?? null,
          ts: Date.parse(event.timestamp),
          received_at: Date.parse(event.receivedAt),
          doc: JSON.stringify(event),
        }));
        const inserted = await trx
          .insertInto('events')
          .values(values)
          .onConflict((oc) => oc.column('message_id').doNothing())
          .returning('message_id')
          .execute();
        if (inserted.length !== values.length)
          throw new WriteConflict('an event was stored by another writer meanwhile');
      }
    },

    async insertOrders(rows) {
      const recorded = new Set<string>();
      for (const chunk of chunks(rows)) {
        const values = chunk.map((order): OrderTable => ({
          order_id: order.orderId,
          profile_id: order.profileId,
          message_id: order.messageId,
          currency: order.currency,
          amount: order.amount,
          ts: Date.parse(order.at),
          source: order.source,
        }));
        const inserted = await trx
          .insertInto('orders')
          .values(values)
          .onConflict((oc) => oc.column('order_id').doNothing())
          .returning('order_id')
          .execute();
        for (const row of inserted) recorded.add(row.order_id);
      }
      return recorded;
    },

    async orderAmounts(orderIds) {
      const amounts = new Map<string, { currency: string; amount: number }>();
      for (const chunk of chunks(orderIds)) {
        const rows = await trx
          .selectFrom('orders')
          .select(['order_id', 'currency', 'amount'])
          .where('order_id', 'in', chunk)
          .execute();
        for (const row of rows)
          amounts.set(row.order_id, { currency: row.currency, amount: Number(row.amount) });
      }
      return amounts;
    },

    async linkIdentities(links, now) {
      const fresh = links.filter((link) => link.previousProfileId === null);
      for (const chunk of chunks(fresh)) {
        const inserted = await trx
          .insertInto('identities')
          .values(
            chunk.map((link) => ({
              kind: link.kind,
              value: link.value,
              profile_id: link.profileId,
              created_at: now,
            })),
          )
          .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
          .returning('value')
          .execute();
        if (inserted.length !== chunk.length)
          throw new WriteConflict('an id was linked by another writer meanwhile');
      }
      for (const link of links) {
        if (link.previousProfileId === null) continue;
        const moved = await trx
          .updateTable('identities')
          .set({ profile_id: link.profileId })
          .where('kind', '=', link.kind)
          .where('value', '=', link.value)
          .where('profile_id', '=', link.previousProfileId)
          .executeTakeFirst();
        if (moved.numUpdatedRows === 0n) throw new WriteConflict('an id moved to another profile meanwhile');
      }
    },

    async writeProfiles(writes, now) {
      // One statement per chunk for new and changed profiles alike: a row is written only when it is
      // still at the version read (0 for a profile this writer creates), so a concurrent writer on
      // another node shows up as a row missing from RETURNING.
      const versions = new Map<string, number>();
      for (const chunk of chunks(writes)) {
        const rows = chunk.map(({ profile, expectedVersion }): ProfileTable => ({
          ...profileRow(profile),
          version: (expectedVersion ?? 0) + 1,
          updated_at: now,
        }));
        const written = await trx
          .insertInto('profiles')
          .values(rows)
          .onConflict((oc) =>
            oc
              .column('id')
              .doUpdateSet((eb) => ({
                user_id: eb.ref('excluded.user_id'),
                doc: eb.ref('excluded.doc'),
                version: eb.ref('excluded.version'),
                updated_at: eb.ref('excluded.updated_at'),
              }))
              .where((eb) => eb(eb.ref('profiles.version'), '=', eb(eb.ref('excluded.version'), '-', 1))),
          )
          .returning(['id', 'version'])
          .execute();
        if (written.length !== rows.length) throw new WriteConflict('a profile changed meanwhile');
        for (const row of written) versions.set(row.id, row.version);
      }
      return versions;
    },

    async absorbProfile(fromProfileId, intoProfileId, expectedVersion, now) {
      const removed = await trx
        .deleteFrom('profiles')
        .where('id', '=', fromProfileId)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (removed.numDeletedRows === 0n)
        throw new WriteConflict(`profile ${fromProfileId} changed meanwhile`);
      for (const table of ['events', 'orders', 'identities'] as const) {
        await trx
          .updateTable(table)
          .set({ profile_id: intoProfileId })
          .where('profile_id', '=', fromProfileId)
          .execute();
      }
      // The merged profile's memberships end with it; the profile it joined is evaluated afresh.
      await trx.deleteFrom('segment_members').where('profile_id', '=', fromProfileId).execute();
      await trx.deleteFrom('profile_checks').where('profile_id', '=', fromProfileId).execute();
      await trx
        .updateTable('profile_merges')
        .set({ to_profile_id: intoProfileId })
        .where('to_profile_id', '=', fromProfileId)
        .execute();
      await trx
        .insertInto('profile_merges')
        .values({ from_profile_id: fromProfileId, to_profile_id: intoProfileId, at: now })
        .execute();
    },
  };
}

async function findProfileIds(db: Executor, identities: readonly Identity[]): Promise<Map<string, string>> {
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

async function getProfiles(db: Executor, ids: readonly string[]): Promise<Map<string, VersionedProfile>> {
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

function profileRow(profile: Profile): Pick<ProfileTable, 'id' | 'user_id' | 'doc'> {
  return { id: profile.id, user_id: profile.userId ?? null, doc: JSON.stringify(profile) };
}

function toVersionedProfile(row: { version: number; doc: string }): VersionedProfile {
  return { profile: upgradeProfile(JSON.parse(row.doc) as Profile), version: row.version };
}

function toOrderRecord(row: OrderTable): OrderRecord {
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

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += CHUNK) yield items.slice(start, start + CHUNK);
}

function toStoredEvent(row: { seq: number | string; profile_id: string; doc: string }): StoredEvent {
  return { seq: Number(row.seq), profileId: row.profile_id, event: JSON.parse(row.doc) as TrackedEvent };
}
