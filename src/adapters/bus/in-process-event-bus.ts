import type { BusHandler, BusSubscription, EventBus, SubscribeOptions } from '../../ports/event-bus.js';
import type { TopicMap, Topics } from '../../ports/topics.js';
import { HandlerQueue } from './handler-queue.js';
import { originOf } from './origin.js';

/** One subscription: its queue, whose messages it skips, and what to run when some were missed. */
interface Subscriber<P> {
  readonly queue: HandlerQueue<P>;
  readonly skipOrigin: string | undefined;
  missed(): void;
}

/** Each topic's subscribers, typed by the topic's payload. Topics are names from code, not input. */
type Subscribers<T> = { [K in keyof T]?: Set<Subscriber<T[K]>> };

/** The default bus for a single node: delivery within the process, nothing leaves it. */
export class InProcessEventBus<T extends TopicMap<T> = Topics> implements EventBus<T> {
  #topics: Subscribers<T> = {};

  constructor(private readonly onError: (error: unknown) => void = () => {}) {}

  publish<K extends keyof T & string>(topic: K, payload: T[K]): Promise<void> {
    const origin = originOf(payload);
    const queues = [...(this.#topics[topic] ?? [])]
      .filter(({ skipOrigin }) => skipOrigin === undefined || skipOrigin !== origin)
      .map(({ queue }) => queue);
    if (queues.length === 0) return Promise.resolve();
    // A structured copy, so a subscriber never shares mutable objects with the publisher, as over Redis.
    const copy = structuredClone(payload);
    for (const queue of queues) queue.push(copy);
    return Promise.resolve();
  }

  subscribe<K extends keyof T & string>(
    topic: K,
    handler: BusHandler<T[K]>,
    options: SubscribeOptions = {},
  ): Promise<BusSubscription> {
    const queue = new HandlerQueue(handler, this.onError);
    const subscriber: Subscriber<T[K]> = {
      queue,
      skipOrigin: options.skipOrigin,
      missed: () => queue.catchUp(options.onMissed),
    };
    const subscribers = this.#topics[topic] ?? new Set<Subscriber<T[K]>>();
    this.#topics[topic] = subscribers;
    subscribers.add(subscriber);
    return Promise.resolve({
      unsubscribe: async () => {
        subscribers.delete(subscriber);
        await queue.drained();
      },
    });
  }

  /**
   * Tells every subscriber, of every topic, that messages meant for it were lost (what a node
   * follows through the store can be): each runs its `onMissed` in turn with its messages, before
   * anything published after this.
   */
  announceMissed(): void {
    for (const subscriber of this.#subscribers()) subscriber.missed();
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  async close(): Promise<void> {
    const subscribers = this.#subscribers();
    this.#topics = {};
    await Promise.all(subscribers.map(({ queue }) => queue.drained()));
  }

  #subscribers(): { readonly queue: { drained(): Promise<void> }; missed(): void }[] {
    const sets: (Set<{ readonly queue: { drained(): Promise<void> }; missed(): void }> | undefined)[] =
      Object.values(this.#topics);
    return sets.flatMap((set) => [...(set ?? [])]);
  }
}
