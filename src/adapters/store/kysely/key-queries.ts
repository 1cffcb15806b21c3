import type { Kysely } from 'kysely';
import type { ApiKeyKind, KeyStore, SettingsStore } from '../../../ports/store.js';
import type { Database } from './database.js';

/** API keys and store-wide settings, in SQL that SQLite and PostgreSQL both run. */
export function keyQueries(db: Kysely<Database>): KeyStore & SettingsStore {
  return {
    async insertKey(record) {
      await db
        .insertInto('api_keys')
        .values({
          id: record.id,
          kind: record.kind,
          key_hash: record.hash,
          publishable_key: record.publishableKey ?? null,
          label: record.label,
          created_at: record.createdAt,
        })
        .execute();
    },

    async listKeys() {
      const rows = await db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind as ApiKeyKind,
        hash: row.key_hash,
        ...(row.publishable_key !== null && { publishableKey: row.publishable_key }),
        label: row.label,
        createdAt: Number(row.created_at),
      }));
    },

    async getSetting(key) {
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row?.value;
    },

    async setSettingOnce(key, value) {
      await db
        .insertInto('settings')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const row = await db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      return row.value;
    },

    async setSetting(key, value) {
      await db
        .insertInto('settings')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    },
  };
}
