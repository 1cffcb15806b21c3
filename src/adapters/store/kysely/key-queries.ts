import type { Kysely } from 'kysely';
import type { ApiKeyKind, ApiKeyRecord, KeyStore, SettingsStore } from '../../../ports/store.js';
import { currentActor, inAuditedTransaction, recordChanges } from './audit-rows.js';
import type { Database } from './database.js';

/**
 * Settings that hold merchant objects, audited as such (by what the audit log calls them); the
 * other settings are the node's own bookkeeping.
 */
const AUDITED_SETTINGS: ReadonlyMap<string, { type: string; id: string }> = new Map([
  ['loyalty.program', { type: 'loyalty-program', id: 'program' }],
  ['listings.rules', { type: 'listing-rules', id: 'rules' }],
  ['recommendations.rules', { type: 'recommendation-rules', id: 'rules' }],
]);

/** API keys and store-wide settings, in SQL that SQLite and PostgreSQL both run. */
export function keyQueries(db: Kysely<Database>): KeyStore & SettingsStore {
  return {
    async insertKey(record) {
      await inAuditedTransaction(db, async (db) => {
        await db
          .insertInto('api_keys')
          .values({
            id: record.id,
            kind: record.kind,
            key_hash: record.hash,
            publishable_key: record.publishableKey ?? null,
            label: record.label,
            created_at: record.createdAt,
            revoked_at: null,
          })
          .execute();
        await recordChanges(db, [{ type: 'key', id: record.id, before: null, after: keyView(record) }]);
      });
    },

    async listKeys() {
      const rows = await db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toKeyRecord);
    },

    async revokeKey(id, at, options = {}) {
      return inAuditedTransaction(db, async (db) => {
        const updated = await db
          .updateTable('api_keys')
          .set({ revoked_at: at })
          .where('id', '=', id)
          // Not revoked by then: a key retiring later (after a rotation) may be revoked sooner,
          // unless the caller claims a key with no retirement at all (a rotation).
          .where((row) =>
            options.onlyIfUnscheduled === true
              ? row('revoked_at', 'is', null)
              : row.or([row('revoked_at', 'is', null), row('revoked_at', '>', at)]),
          )
          .returningAll()
          .executeTakeFirst();
        if (updated === undefined) return false;
        const after = toKeyRecord(updated);
        const { revokedAt: _revoked, ...before } = after;
        await recordChanges(db, [{ type: 'key', id, before: keyView(before), after: keyView(after) }]);
        return true;
      });
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
      const audited = AUDITED_SETTINGS.get(key);
      await inAuditedTransaction(db, async (db) => {
        const before =
          audited === undefined || currentActor() === undefined
            ? undefined
            : (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())
                ?.value;
        await db
          .insertInto('settings')
          .values({ key, value })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
          .execute();
        if (audited === undefined || before === value) return;
        await recordChanges(db, [
          { ...audited, before: before === undefined ? null : parsed(before), after: parsed(value) },
        ]);
      });
    },
  };
}

function toKeyRecord(row: Database['api_keys'] extends infer T ? T : never): ApiKeyRecord {
  return {
    id: row.id,
    kind: row.kind as ApiKeyKind,
    hash: row.key_hash,
    ...(row.publishable_key !== null && { publishableKey: row.publishable_key }),
    label: row.label,
    createdAt: Number(row.created_at),
    ...(row.revoked_at !== null && { revokedAt: Number(row.revoked_at) }),
  };
}

/** A key as the audit log shows it: never its hash, nor the value of any key. */
function keyView(record: ApiKeyRecord) {
  return {
    kind: record.kind,
    label: record.label,
    createdAt: new Date(record.createdAt).toISOString(),
    ...(record.revokedAt !== undefined && { revokedAt: new Date(record.revokedAt).toISOString() }),
  };
}

function parsed(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
