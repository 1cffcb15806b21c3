import type { Clock } from '../../ports/clock.js';
import type { BusHandler, BusSubscription, EventBus, SubscribeOptions } from '../../ports/event-bus.js';
import type { RelayStore } from '../../ports/relay-store.js';
import type { Topics } from '../../ports/topics.js';
import type { InProcessEventBus } from './in-process-event-bus.js';

/** How long relayed messages are kept: a node down longer reloads everything from the store anyway. */
const RELAY_RETENTION_MS = 60 * 60_000;
/** Messages read per look at the store. */
const RELAY_PAGE = 500;

/**
 * The bus of a command (`attune import`, `attune keys create`) on a store shared with serving nodes
 * but no Redis: what it publishes goes to its own process as usual and is also written to the
 * store, where {@link StoreRelayFollower} on each serving node picks it up.
 */
export class StoreRelayPublisher implements EventBus {
  constructor(
    private readonly local: EventBus,
    private readonly store: RelayStore,
    private readonly clock: Pick<Clock, 'now'>,
  ) {}

  async publish<K extends keyof Topics>(topic: K, payload: Topics[K]): Promise<void> {
    await this.local.publish(topic, payload);
    await this.store.relayMessage(topic, JSON.stringify(payload), this.clock.now());
  }

  subscribe<K extends keyof Topics>(
    topic: K,
    handler: BusHandler<Topics[K]>,
    options?: SubscribeOptions,
  ): Promise<BusSubscription> {
    return this.local.subscribe(topic, handler, options);
  }

  ping(): Promise<void> {
    return this.local.ping();
  }

  /** Old messages go when the command ends: every node has had them for an hour by then. */
  async close(): Promise<void> {
    await this.store.pruneRelayed(this.clock.now() - RELAY_RETENTION_MS);
    await this.local.close();
  }
}

/**
 * On a serving node without Redis: looks at the store every `intervalMs` for messages a command
 * relayed, and publishes them on the node's own bus, where they arrive as another node's would.
 *
 * Seqs follow one another, so a seq skipped in what it reads may be a message it will never get:
 * pruned before this node read it (it was paused or cut off from the store for longer than the relay
 * keeps messages), or inserted by a command whose commit came after a newer one's (PostgreSQL hands
 * out seqs before commit, and this node has moved past it). Which, or a harmless failed insert,
 * cannot be told, so every subscriber is told it missed messages (`onMissed`: it catches up from the
 * store) before the messages after the hole. The relay always keeps its newest message, so a hole
 * left by pruning always has a message after it to show it.
 */
export class StoreRelayFollower {
  #after = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  #polling: Promise<void> | undefined;

  constructor(
    private readonly store: RelayStore,
    private readonly bus: Pick<InProcessEventBus, 'publish' | 'announceMissed'>,
    private readonly options: { readonly intervalMs: number; readonly onError: (error: unknown) => void },
  ) {}

  /**
   * Skips what was relayed before now (call it before memory is filled from the store, so nothing
   * relayed while that runs is missed; a message read twice is harmless, its change is re-read).
   */
  async startFromNow(): Promise<void> {
    this.#after = await this.store.lastRelayedSeq();
  }

  /** Starts looking for new messages. */
  follow(): void {
    this.#timer = setInterval(() => {
      this.#polling ??= this.poll()
        .catch(this.options.onError)
        .finally(() => (this.#polling = undefined));
    }, this.options.intervalMs);
    this.#timer.unref();
  }

  /** Publishes every message relayed since the last look, after a catch-up where some were skipped. */
  async poll(): Promise<void> {
    for (;;) {
      const messages = await this.store.relayedAfter(this.#after, RELAY_PAGE);
      for (const message of messages) {
        if (message.seq !== this.#after + 1) this.bus.announceMissed();
        this.#after = message.seq;
        await this.bus.publish(message.topic as keyof Topics, JSON.parse(message.payload) as never);
      }
      if (messages.length < RELAY_PAGE) return;
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#polling;
  }
}
