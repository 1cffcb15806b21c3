import type { TopicMap, Topics } from './topics.js';

/** Handles one topic's messages; a rejection is reported and the next message still runs. */
export type BusHandler<P> = (payload: P) => void | Promise<void>;

export interface BusSubscription {
  unsubscribe(): Promise<void>;
}

export interface SubscribeOptions {
  /**
   * Called, in order with the handler's messages, when some of this topic's messages were lost to
   * this subscriber: the bus keeps a bounded backlog, and a node paused or cut off for longer fell
   * behind what it keeps. The subscriber re-reads from the store whatever the topic could have changed.
   */
  readonly onMissed?: () => void | Promise<void>;
  /**
   * Messages whose `origin` is this are not delivered to this subscriber: a node's own, which it
   * applied before publishing. A bus within one process then copies nothing for a message only its
   * publisher would have received (every batch's lessons and profile changes on a single node).
   */
  readonly skipOrigin?: string;
}

/**
 * Propagates changes between the parts of one node and between nodes (catalogue edits, cache
 * invalidations, live updates), over the topics of `T` (Attune's {@link Topics} unless a test brings
 * its own). The store stays the system of record: the bus says *what changed*, subscribers re-read
 * what they need. Payloads travel as JSON: a subscriber gets an equal copy, never the publisher's object.
 *
 * Contract (tested against every adapter): once `subscribe` resolves, the handler receives every
 * payload published to that topic afterwards, by this node or any other, once, in publish order per
 * publisher, or, where the bus could not keep them, `onMissed` in their place; handlers of one topic
 * run one message at a time. A failing handler does not stop the subscription.
 */
export interface EventBus<T extends TopicMap<T> = Topics> {
  publish<K extends keyof T & string>(topic: K, payload: T[K]): Promise<void>;
  subscribe<K extends keyof T & string>(
    topic: K,
    handler: BusHandler<T[K]>,
    options?: SubscribeOptions,
  ): Promise<BusSubscription>;
  /** Resolves when the bus is reachable; rejects otherwise. Used by readiness. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
