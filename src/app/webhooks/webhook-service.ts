import { AppError } from '../errors.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import { followOtherNodes } from '../follow-other-nodes.js';
import type { Store, VersionPrecondition, Webhook, WebhookDraft } from '../../ports/store.js';
import type { WebhookTransport } from '../../ports/webhook-transport.js';
import type { WebhookRegistry } from './webhook-registry.js';

/** Webhook subscriptions: checked against the address policy on write, known to every node. */
export class WebhookService {
  constructor(
    private readonly deps: {
      readonly store: Store;
      readonly bus: EventBus;
      readonly clock: Clock;
      readonly registry: WebhookRegistry;
      readonly transport: WebhookTransport;
      readonly nodeId: string;
    },
  ) {}

  async start(): Promise<void> {
    this.deps.registry.load(await this.deps.store.listWebhooks());
    await followOtherNodes(this.deps.bus, this.deps.nodeId, 'webhooks', async () =>
      this.deps.registry.load(await this.deps.store.listWebhooks()),
    );
  }

  /** @throws DomainError `webhook_target_refused`, `version_conflict`. */
  async put(draft: WebhookDraft, ifVersion?: VersionPrecondition): Promise<Webhook> {
    try {
      await this.deps.transport.check(draft.url);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('webhook_target_refused', `webhooks may not be sent to ${draft.url}: ${reason}`, {
        pointer: '/url',
      });
    }
    const webhook = await this.deps.store.putWebhook(draft, { now: this.deps.clock.now(), ifVersion });
    this.deps.registry.put(webhook);
    await this.deps.bus.publish('webhooks', { origin: this.deps.nodeId, id: webhook.id });
    return webhook;
  }

  /** @throws DomainError `webhook_not_found`. */
  async get(id: string): Promise<Webhook> {
    const webhook = await this.deps.store.getWebhook(id);
    if (webhook === undefined) throw new AppError('webhook_not_found', `no webhook ${id}`, {});
    return webhook;
  }

  list(): Promise<Webhook[]> {
    return this.deps.store.listWebhooks();
  }

  async delete(id: string): Promise<void> {
    if (!(await this.deps.store.deleteWebhook(id)))
      throw new AppError('webhook_not_found', `no webhook ${id}`, {});
    this.deps.registry.remove(id);
    await this.deps.bus.publish('webhooks', { origin: this.deps.nodeId, id });
  }

  /** The messages of a webhook and how their delivery went. */
  async deliveries(id: string) {
    await this.get(id);
    return this.deps.store.outboxOf(id);
  }
}
