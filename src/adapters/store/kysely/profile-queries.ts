import type { Kysely } from 'kysely';
import { WriteConflict, type ProfileStore } from '../../../ports/store.js';
import type { Database } from './database.js';
import {
  findProfileIds,
  getProfiles,
  identityKey,
  toOrderRecord,
  toStoredEvent,
  toVersionedProfile,
} from './profile-rows.js';
import { ERASURE_TABLES, eraseProfileIn } from './erase-profile.js';
import { transactionOn } from './profile-transaction.js';
import { rankedOrderValues } from './order-value-ranks.js';

export interface ProfileQueryOptions {
  /** Runs after an erasure commits, to purge what the engine may still hold of deleted rows in these tables. */
  readonly afterErase?: (tables: readonly (keyof Database)[]) => Promise<void>;
}

/** Events, orders, profiles and identities, in SQL that SQLite and PostgreSQL both run. */
export function profileQueries(db: Kysely<Database>, options: ProfileQueryOptions = {}): ProfileStore {
  return {
    async profileTransaction(work, options = {}) {
      try {
        return await db.transaction().execute((trx) => work(transactionOn(trx, options)));
      } catch (error) {
        // PostgreSQL ends a deadlock between two nodes' writers by aborting one: a conflict, retried.
        if (isDeadlock(error)) throw new WriteConflict('a concurrent writer deadlocked with this one');
        throw error;
      }
    },

    async findProfileId(identity) {
      return (await findProfileIds(db, [identity])).get(identityKey(identity));
    },

    async getProfile(id) {
      return (await getProfiles(db, [id])).get(id);
    },

    getProfiles: (ids) => getProfiles(db, ids),

    async scanProfileIds(afterId, limit) {
      let query = db.selectFrom('profiles').select('id').orderBy('id').limit(limit);
      if (afterId !== undefined) query = query.where('id', '>', afterId);
      return (await query.execute()).map((row) => row.id);
    },

    async scanProfiles(afterId, limit) {
      let query = db.selectFrom('profiles').select(['id', 'version', 'doc']).orderBy('id').limit(limit);
      if (afterId !== undefined) query = query.where('id', '>', afterId);
      return (await query.execute()).map(toVersionedProfile);
    },

    rankedOrderValues: (currency, ranksOf) => rankedOrderValues(db, currency, ranksOf),

    async scanTrackEvents(afterSeq, limit) {
      // Not `type = 'track'` in SQL: without statistics of the column (a bulk load that autovacuum
      // has not analysed yet), PostgreSQL planned that as sorting every event after `afterSeq` for
      // each page, and a start read the log in time quadratic in its length.
      const rows = await db
        .selectFrom('events')
        .select(['seq', 'profile_id', 'type', 'doc'])
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      const last = rows[rows.length - 1];
      return {
        events: rows.filter((row) => row.type === 'track').map(toStoredEvent),
        next: rows.length < limit || last === undefined ? undefined : Number(last.seq),
      };
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

    async latestEventsOf(profileId, names, beforeSeq, limit) {
      if (names.length === 0 || limit <= 0) return [];
      // The positions first, then their documents: sorting the matching rows with their documents
      // would carry every one of a long history's documents through the sort for a page of them.
      // Each name's newest are the end of one range of the index by profile, name and position, so
      // each is read there alone and the few lists merged: `name in (…)` would read every match.
      // One statement: the page's positions are a subquery, so a load costs one round trip.
      const newestOf = (name: string) => {
        let positions = db
          .selectFrom('events')
          .select('seq')
          .where('profile_id', '=', profileId)
          .where('name', '=', name);
        if (Number.isFinite(beforeSeq)) positions = positions.where('seq', '<', beforeSeq);
        return db.selectFrom(positions.orderBy('seq', 'desc').limit(limit).as('newest')).select('seq');
      };
      const [first, ...others] = names.map(newestOf);
      const positions = others.reduce(
        (union, next) => union.unionAll(next),
        first as ReturnType<typeof newestOf>,
      );
      const page = db.selectFrom(positions.orderBy('seq', 'desc').limit(limit).as('page')).select('seq');
      const rows = await db
        .selectFrom('events')
        .select(['seq', 'profile_id', 'doc'])
        .where('seq', 'in', page)
        .orderBy('seq', 'desc')
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

    async eraseProfile(erasure) {
      const counts = await db.transaction().execute((trx) => eraseProfileIn(trx, erasure));
      await options.afterErase?.(ERASURE_TABLES);
      return counts;
    },

    async erasures() {
      const rows = await db.selectFrom('erasures').selectAll().execute();
      return new Map(rows.map((row) => [row.id_hash, Number(row.erased_at)]));
    },
  };
}

/** PostgreSQL's `deadlock_detected` (SQLSTATE 40P01); SQLite has one writer and never reports one. */
function isDeadlock(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '40P01';
}
