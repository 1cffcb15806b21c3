import { randomUUID } from 'node:crypto';
import type { OutboxEntry, Webhook } from '../../ports/store.js';
import type { Announcement } from '../profiles/profile-evaluation.js';

/**
 * The webhooks this node knows, in memory, so that turning announcements into outbox messages (inside
 * the ingestion transaction) reads no store.
 */
export class WebhookRegistry {
  #webhooks = new Map<string, Webhook>();

  load(webhooks: readonly Webhook[]): void {
    this.#webhooks = new Map(webhooks.map((webhook) => [webhook.id, webhook]));
  }

  put(webhook: Webhook): void {
    this.#webhooks.set(webhook.id, webhook);
  }

  remove(id: string): void {
    this.#webhooks.delete(id);
  }

  get(id: string): Webhook | undefined {
    return this.#webhooks.get(id);
  }

  /**
   * One message per subscribed webhook and announcement, in the Standard Webhooks payload shape
   * (`{ type, timestamp, data }`); its id is the `webhook-id` every attempt carries.
   */
  toOutbox(announcements: readonly Announcement[], now: number): OutboxEntry[] {
    if (announcements.length === 0 || this.#webhooks.size === 0) return [];
    const timestamp = new Date(now).toISOString();
    const entries: OutboxEntry[] = [];
    for (const announcement of announcements) {
      for (const webhook of this.#webhooks.values()) {
        if (!webhook.events.includes(announcement.type)) continue;
        entries.push({
          id: `msg_${randomUUID().replaceAll('-', '')}`,
          webhookId: webhook.id,
          profileId: announcement.profileId,
          type: announcement.type,
          payload: JSON.stringify({ type: announcement.type, timestamp, data: announcement.data }),
        });
      }
    }
    return entries;
  }
}
