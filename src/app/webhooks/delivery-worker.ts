import { Webhook as Signer } from 'standardwebhooks';
import type { Clock } from '../../ports/clock.js';
import type { OutboxMessage, Store } from '../../ports/store.js';
import type { WebhookTransport } from '../../ports/webhook-transport.js';
import { nextTurn, type ServingFirst } from '../serving-first.js';
import type { WebhookRegistry } from './webhook-registry.js';

export interface DeliveryWorkerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly registry: WebhookRegistry;
  readonly transport: WebhookTransport;
  readonly onError: (error: unknown) => void;
  /** Requests go first: each batch of deliveries waits for a gap in serving (at most 5 s). */
  readonly servingFirst?: ServingFirst;
}

const POLL_MS = 1_000;
const BATCH = 50;
const LEASE_MS = 60_000;
const FIRST_RETRY_MS = 1_000;
const LONGEST_WAIT_MS = 3_600_000;
/** 20 attempts over about nine hours, then the message is kept, undelivered, for inspection. */
export const MAX_ATTEMPTS = 20;

/** When attempt `attempts` + 1 is due after `attempts` failures: 1 s, 2 s, 4 s ... up to an hour. */
export function retryDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_WAIT_MS);
}

/**
 * Delivers the webhook outbox: leases due messages (so two nodes never send one at once), signs
 * each per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), and on
 * failure retries with exponential backoff. Runs every second and as soon as a commit queued messages.
 */
export class DeliveryWorker {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;
  /** Each webhook's signer, kept while its secret stays: making one decodes the secret again. */
  readonly #signers = new Map<string, { readonly secret: string; readonly signer: Signer }>();

  constructor(private readonly deps: DeliveryWorkerDeps) {}

  start(): void {
    this.#timer = setInterval(() => this.nudge(), POLL_MS);
    this.#timer.unref();
    this.nudge();
  }

  /** Looks for due messages now (after a commit that queued some). */
  nudge(): void {
    if (this.#stopped) return;
    if (this.#running !== undefined) {
      this.#again = true;
      return;
    }
    this.#running = this.#deliverDue()
      .catch(this.deps.onError)
      .finally(() => {
        this.#running = undefined;
        if (this.#again) {
          this.#again = false;
          this.nudge();
        }
      });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#running;
  }

  async #deliverDue(): Promise<void> {
    for (;;) {
      const { store, clock, servingFirst } = this.deps;
      await (servingFirst?.turn() ?? nextTurn());
      const messages = await store.claimDueMessages(clock.now(), BATCH, LEASE_MS);
      const delivered = await Promise.all(messages.map((message) => this.#deliver(message)));
      // One write for the batch: a node that dies before it re-sends these (receivers dedupe on webhook-id).
      await store.markDelivered(
        messages.filter((_, index) => delivered[index] === true).map((message) => message.id),
        clock.now(),
      );
      if (messages.length < BATCH || this.#stopped) return;
    }
  }

  #signerFor(webhook: { readonly id: string; readonly secret: string }): Signer {
    const known = this.#signers.get(webhook.id);
    if (known?.secret === webhook.secret) return known.signer;
    const signer = new Signer(webhook.secret);
    this.#signers.set(webhook.id, { secret: webhook.secret, signer });
    return signer;
  }

  /** Sends one message; true when the receiver took it (marked by the caller), else marks it failed. */
  async #deliver(message: OutboxMessage): Promise<boolean> {
    const { store, clock, registry, transport } = this.deps;
    const webhook = registry.get(message.webhookId);
    let failure: string;
    if (webhook === undefined) {
      failure = 'the webhook no longer exists';
    } else {
      const sentAt = new Date(clock.now());
      const headers = {
        'webhook-id': message.id,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': this.#signerFor(webhook).sign(message.id, sentAt, message.payload),
      };
      try {
        const status = await transport.post(webhook.url, headers, message.payload);
        if (status >= 200 && status < 300) return true;
        failure = `answered ${status}`;
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
    }
    const attempts = message.attempts + 1;
    const next =
      attempts >= MAX_ATTEMPTS || webhook === undefined
        ? Number.MAX_SAFE_INTEGER
        : clock.now() + retryDelay(attempts);
    await store.markFailed(message.id, attempts, next, failure);
    return false;
  }
}
