import type { WebhookService } from '../../../app/webhooks/webhook-service.js';
import type { Webhook } from '../../../ports/store.js';

type Delivery = Awaited<ReturnType<WebhookService['deliveries']>>[number];

/** The secret signs every message: it is answered masked, never in full. */
export function webhookView(webhook: Webhook) {
  return { ...webhook, secret: maskedSecret(webhook.secret) };
}

/** `whsec_` and four characters, then an ellipsis: enough to tell secrets apart, not to sign. */
export function maskedSecret(secret: string): string {
  return `${secret.slice(0, 10)}…`;
}

export function isMaskedSecret(secret: string): boolean {
  return secret.endsWith('…');
}

/** One message of a webhook's outbox, times as ISO 8601. */
export function deliveryView(message: Delivery) {
  return {
    id: message.id,
    type: message.type,
    attempts: message.attempts,
    createdAt: new Date(message.createdAt).toISOString(),
    deliveredAt: message.deliveredAt === null ? null : new Date(message.deliveredAt).toISOString(),
    lastError: message.lastError,
  };
}
