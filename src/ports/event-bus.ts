/** A JSON-serialisable message body. */
export type BusPayload = Readonly<Record<string, unknown>>;

export type BusHandler = (payload: BusPayload) => void | Promise<void>;

export interface BusSubscription {
  unsubscribe(): Promise<void>;
}

/**
 * Propagates changes between the parts of one node and between nodes (catalogue edits, cache
 * invalidations, live updates). The store stays the system of record: the bus says *what changed*,
 * subscribers re-read what they need.
 *
 * Contract (tested against every adapter): once `subscribe` resolves, the handler receives every
 * payload published to that topic afterwards, by this node or any other, once, in publish order per
 * publisher; handlers of one topic run one message at a time. A failing handler does not stop the
 * subscription.
 */
export interface EventBus {
  publish(topic: string, payload: BusPayload): Promise<void>;
  subscribe(topic: string, handler: BusHandler): Promise<BusSubscription>;
  /** Resolves when the bus is reachable; rejects otherwise. Used by readiness. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
