import type { TrackedEvent } from '../../domain/profiles/index.js';

/** An event as the live event view shows it: what arrived, from whom, when, with its payload. */
export interface TailedEvent {
  readonly messageId: string;
  readonly type: string;
  readonly event?: string;
  readonly userId?: string;
  readonly anonymousId?: string;
  readonly timestamp: string;
  readonly receivedAt: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly traits: Readonly<Record<string, unknown>>;
}

export type TailListener = (event: TailedEvent) => void;

/**
 * The last events this node stored, and whoever watches them arrive (the console's live event view,
 * like Segment's debugger). Kept in memory only: a node shows the events it ingested itself, and
 * forgets them when it stops. Events refused or dropped (no analytics consent) never get here.
 */
export class EventTail {
  readonly #recent: TailedEvent[] = [];
  readonly #listeners = new Set<TailListener>();

  constructor(private readonly keep: number) {}

  /** Called with the events a batch stored, once its transaction committed. */
  add(events: readonly TrackedEvent[]): void {
    for (const stored of events) {
      const event = tailed(stored);
      this.#recent.push(event);
      if (this.#recent.length > this.keep) this.#recent.shift();
      for (const listener of this.#listeners) listener(event);
    }
  }

  /** The last events, oldest first. */
  recent(): readonly TailedEvent[] {
    return [...this.#recent];
  }

  get watchers(): number {
    return this.#listeners.size;
  }

  /** Calls `listener` with each new event until the returned function is called. */
  watch(listener: TailListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

function tailed(event: TrackedEvent): TailedEvent {
  return {
    messageId: event.messageId,
    type: event.type,
    ...(event.event !== undefined && { event: event.event }),
    ...(event.userId !== undefined && { userId: event.userId }),
    ...(event.anonymousId !== undefined && { anonymousId: event.anonymousId }),
    timestamp: event.timestamp,
    receivedAt: event.receivedAt,
    properties: event.properties,
    traits: event.traits,
  };
}
