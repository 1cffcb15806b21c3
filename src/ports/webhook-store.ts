import type { VersionPrecondition, WriteOptions } from './catalog-store.js';

/** What a webhook may subscribe to. */
export const WEBHOOK_EVENTS = [
  'segment.entered',
  'segment.exited',
  'loyalty.tier_changed',
  // Sent to the webhook a journey step names, whatever it subscribes to (docs/journeys.md).
  'journey.message',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookDraft {
  readonly id: string;
  readonly url: string;
  readonly events: readonly WebhookEventType[];
  /** Standard Webhooks signing secret, `whsec_` + base64. Kept, since signing needs it. */
  readonly secret: string;
}

export interface Webhook extends WebhookDraft {
  readonly version: number;
  readonly updatedAt: string;
}

/** A message waiting in the outbox, or being delivered. */
export interface OutboxMessage {
  /** The Standard Webhooks `webhook-id`: the same for every attempt. */
  readonly id: string;
  readonly webhookId: string;
  readonly type: WebhookEventType;
  /** The JSON body, exactly as signed and sent. */
  readonly payload: string;
  readonly createdAt: number;
  readonly attempts: number;
}

export interface WebhookStore {
  putWebhook(draft: WebhookDraft, options: WriteOptions): Promise<Webhook>;
  getWebhook(id: string): Promise<Webhook | undefined>;
  listWebhooks(): Promise<Webhook[]>;
  deleteWebhook(id: string, ifVersion?: VersionPrecondition): Promise<boolean>;
  /**
   * Leases up to `limit` messages that are due and not delivered, for `leaseMs`: a node that dies
   * mid-delivery frees them when the lease ends. Two nodes never lease the same message at once.
   */
  claimDueMessages(now: number, limit: number, leaseMs: number): Promise<OutboxMessage[]>;
  /**
   * Marks messages delivered at `at`, in one write: a node delivering many at once pays one commit
   * (one disk sync on SQLite) for a batch, not one per message.
   */
  markDelivered(ids: readonly string[], at: number): Promise<void>;
  markFailed(id: string, attempts: number, nextAttemptAt: number, error: string): Promise<void>;
  /** Messages of a webhook, for inspection: delivered or not, with attempts. */
  outboxOf(
    webhookId: string,
  ): Promise<(OutboxMessage & { deliveredAt: number | null; lastError: string | null })[]>;
}
