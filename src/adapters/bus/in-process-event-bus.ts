import type { BusHandler, BusSubscription, EventBus } from '../../ports/event-bus.js';
import type { TopicMap, Topics } from '../../ports/topics.js';
import { HandlerQueue } from './handler-queue.js';

/** Each topic's subscribers, typed by the topic's payload. Topics are names from code, not input. */
type Subscribers<T> = { [K in keyof T]?: Set<HandlerQueue<T[K]>> };

/** The default bus for a single node: delivery within the process, nothing leaves it. */
export class InProcessEventBus<T extends TopicMap<T> = Topics> implements EventBus<T> {
  #topics: Subscribers<T> = {};

  constructor(private readonly onError: (error: unknown) => void = () => {}) {}

  publish<K extends keyof T & string>(topic: K, payload: T[K]): Promise<void> {
    // A structured copy, so a subscriber never shares mutable objects with the publisher, as over Redis.
    const copy = structuredClone(payload);
    for (const queue of this.#topics[topic] ?? []) queue.push(copy);
    return Promise.resolve();
  }

  subscribe<K extends keyof T & string>(topic: K, handler: BusHandler<T[K]>): Promise<BusSubscription> {
    const queue = new HandlerQueue(handler, this.onError);
    const queues = this.#topics[topic] ?? new Set<HandlerQueue<T[K]>>();
    this.#topics[topic] = queues;
    queues.add(queue);
    return Promise.resolve({
      unsubscribe: async () => {
        queues.delete(queue);
        await queue.drained();
      },
    });
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  async close(): Promise<void> {
    const sets: (Set<{ drained(): Promise<void> }> | undefined)[] = Object.values(this.#topics);
    this.#topics = {};
    await Promise.all(sets.flatMap((set) => [...(set ?? [])]).map((queue) => queue.drained()));
  }
}
