import type { Kysely } from 'kysely';
import type {
  OutboxMessage,
  Webhook,
  WebhookDraft,
  WebhookEventType,
  WebhookStore,
} from '../../../ports/store.js';
import { chunks } from './profile-rows.js';
import type { Database, OutboxTable, VersionedTable } from './database.js';
import { checkVersion, deleteRow, readDocument, writeRow } from './versioned-rows.js';

/** Webhooks and their outbox, in SQL that SQLite and PostgreSQL both run. */
export function webhookQueries(db: Kysely<Database>): WebhookStore {
  return {
    async putWebhook({ id, ...doc }: WebhookDraft, { now, ifVersion }) {
      return toWebhook(
        await writeRow(db, 'webhooks', { id, doc: JSON.stringify(doc), updated_at: now }, ifVersion),
      );
    },

    async getWebhook(id) {
      const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toWebhook(row);
    },

    async listWebhooks() {
      return (await db.selectFrom('webhooks').selectAll().orderBy('id').execute()).map(toWebhook);
    },

    async deleteWebhook(id, ifVersion) {
      return db.transaction().execute(async (trx) => {
        await checkVersion(trx, 'webhooks', id, ifVersion);
        await trx
          .deleteFrom('webhook_outbox')
          .where('webhook_id', '=', id)
          .where('delivered_at', 'is', null)
          .execute();
        return deleteRow(trx, 'webhooks', id);
      });
    },

    async claimDueMessages(now, limit, leaseMs) {
      return db.transaction().execute(async (trx) => {
        const due = await trx
          .selectFrom('webhook_outbox')
          .select('id')
          .where('delivered_at', 'is', null)
          .where('next_attempt_at', '<=', now)
          .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
          .orderBy('next_attempt_at')
          .limit(limit)
          .execute();
        if (due.length === 0) return [];
        // The lease is taken by a conditional update: a row another node leased meanwhile is skipped.
        const claimed = await trx
          .updateTable('webhook_outbox')
          .set({ claimed_until: now + leaseMs })
          .where(
            'id',
            'in',
            due.map((row) => row.id),
          )
          .where('delivered_at', 'is', null)
          .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
          .returningAll()
          .execute();
        return claimed.map(toMessage);
      });
    },

    async markDelivered(ids, at) {
      if (ids.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const chunk of chunks(ids))
          await trx
            .updateTable('webhook_outbox')
            .set({ delivered_at: at, claimed_until: null })
            .where('id', 'in', chunk)
            .execute();
      });
    },

    async markFailed(id, attempts, nextAttemptAt, error) {
      await db
        .updateTable('webhook_outbox')
        .set({
          attempts,
          next_attempt_at: nextAttemptAt,
          claimed_until: null,
          last_error: error.slice(0, 500),
        })
        .where('id', '=', id)
        .execute();
    },

    async outboxOf(webhookId) {
      const rows = await db
        .selectFrom('webhook_outbox')
        .selectAll()
        .where('webhook_id', '=', webhookId)
        .orderBy('created_at')
        .execute();
      return rows.map((row) => ({
        ...toMessage(row),
        deliveredAt: row.delivered_at === null ? null : Number(row.delivered_at),
        lastError: row.last_error,
      }));
    },
  };
}

function toWebhook(row: VersionedTable): Webhook {
  const doc = readDocument<Omit<WebhookDraft, 'id'>>(row.doc);
  return {
    id: row.id,
    ...doc,
    version: row.version,
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}

function toMessage(row: OutboxTable): OutboxMessage {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    type: row.type as WebhookEventType,
    payload: row.payload,
    createdAt: Number(row.created_at),
    attempts: row.attempts,
  };
}
