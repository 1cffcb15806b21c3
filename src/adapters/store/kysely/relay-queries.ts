import type { Kysely } from 'kysely';
import type { RelayStore } from '../../../ports/relay-store.js';
import type { Database } from './database.js';

/** Bus messages relayed through the store, in SQL that SQLite and PostgreSQL both run. */
export function relayQueries(db: Kysely<Database>): RelayStore {
  return {
    async relayMessage(topic, payload, now) {
      await db.insertInto('relayed_messages').values({ topic, payload, created_at: now }).execute();
    },

    async relayedAfter(seq, limit) {
      const rows = await db
        .selectFrom('relayed_messages')
        .selectAll()
        .where('seq', '>', seq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        seq: Number(row.seq),
        topic: row.topic,
        payload: row.payload,
        createdAt: Number(row.created_at),
      }));
    },

    async lastRelayedSeq() {
      const row = await db
        .selectFrom('relayed_messages')
        .select((eb) => eb.fn.max('seq').as('last'))
        .executeTakeFirst();
      return Number(row?.last ?? 0);
    },

    async pruneRelayed(before) {
      const newest = db.selectFrom('relayed_messages').select((eb) => eb.fn.max('seq').as('last'));
      await db
        .deleteFrom('relayed_messages')
        .where('created_at', '<', before)
        .where('seq', '<', newest)
        .execute();
    },
  };
}
