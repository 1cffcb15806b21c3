import { AppError } from '../errors.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import { followOtherNodes, rereadOnChange } from '../follow-other-nodes.js';
import {
  asStored,
  checkLoadable,
  documentOf,
  KindLoader,
  type ShapeCheck,
  type UnloadableReport,
} from '../loadable.js';
import type { Store, VersionPrecondition, Webhook, WebhookDraft } from '../../ports/store.js';
import type { WebhookTransport } from '../../ports/webhook-transport.js';
import type { WebhookRegistry } from './webhook-registry.js';

/** Webhook subscriptions: checked against the address policy on write, known to every node. */
export class WebhookService {
  readonly #loader: KindLoader;

  constructor(
    private readonly deps: {
      readonly store: Store;
      readonly bus: EventBus;
      readonly clock: Clock;
      readonly registry: WebhookRegistry;
      readonly transport: WebhookTransport;
      readonly nodeId: string;
      /** What a webhook is written as: a stored one that no longer is, is left out. */
      readonly shape: ShapeCheck;
      /** Stored webhooks that do not load are left out and reported here. */
      readonly reportUnloadable: UnloadableReport;
    },
  ) {
    this.#loader = new KindLoader('webhook', deps.reportUnloadable);
  }

  async start(): Promise<void> {
    await this.#reload();
    await followOtherNodes(
      this.deps.bus,
      this.deps.nodeId,
      'webhooks',
      rereadOnChange(() => this.#reload()),
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
    checkLoadable('webhook', () => this.#load(asStored(draft)));
    const webhook = await this.deps.store.putWebhook(draft, { now: this.deps.clock.now(), ifVersion });
    this.deps.registry.put(webhook);
    this.#loader.forget(webhook.id);
    await this.deps.bus.publish('webhooks', { origin: this.deps.nodeId, id: webhook.id });
    return webhook;
  }

  /** @throws DomainError `webhook_not_found`. */
  async get(id: string): Promise<Webhook> {
    const stored = await this.deps.store.getWebhook(id);
    const webhook = stored && this.#isLoadable(stored) ? stored : undefined;
    if (webhook === undefined) throw new AppError('webhook_not_found', `no webhook ${id}`, {});
    return webhook;
  }

  /** The stored webhooks, less any that do not load (those are reported as left out). */
  async list(): Promise<Webhook[]> {
    return (await this.deps.store.listWebhooks()).filter((webhook) => this.#isLoadable(webhook));
  }

  async delete(id: string): Promise<void> {
    if (!(await this.deps.store.deleteWebhook(id)))
      throw new AppError('webhook_not_found', `no webhook ${id}`, {});
    this.deps.registry.remove(id);
    this.#loader.forget(id);
    await this.deps.bus.publish('webhooks', { origin: this.deps.nodeId, id });
  }

  /** The messages of a webhook and how their delivery went. */
  async deliveries(id: string) {
    await this.get(id);
    return this.deps.store.outboxOf(id);
  }

  async #reload(): Promise<void> {
    const stored = await this.deps.store.listWebhooks();
    this.deps.registry.load(
      this.#loader.all(
        stored,
        (webhook) => webhook.id,
        (webhook) => this.#load(webhook),
      ),
    );
  }

  /** A stored webhook, checked as its write was (the address policy aside: it is checked on delivery). */
  #load<T extends WebhookDraft>(webhook: T): T {
    this.deps.shape(documentOf(webhook));
    return webhook;
  }

  #isLoadable(webhook: Webhook): boolean {
    try {
      this.#load(webhook);
      return true;
    } catch {
      return false;
    }
  }
}
