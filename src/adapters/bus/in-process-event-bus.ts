import type { BusHandler, BusPayload, BusSubscription, EventBus } from '../../ports/event-bus.js';
import { HandlerQueue } from './handler-queue.js';

/** The default bus for a single node: delivery within the process, nothing leaves it. */
export class InProcessEventBus implements EventBus {
  readonly #topics = new Map<string, Set<HandlerQueue>>();

  constructor(private readonly onError: (error: unknown) => void = () => {}) {}

  publish(topic: string, payload: BusPayload): Promise<void> {
    // A structured copy, so a subscriber never shares mutable objects with the publisher, as over Redis.
    const copy = structuredClone(payload);
    for (const queue of this.#topics.get(topic) ?? []) queue.push(copy);
    return Promise.resolve();
  }

  subscribe(topic: string, handler: BusHandler): Promise<BusSubscription> {
    const queue = new HandlerQueue(handler, this.onError);
    let queues = this.#topics.get(topic);
    if (queues === undefined) this.#topics.set(topic, (queues = new Set()));
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
    const queues = [...this.#topics.values()].flatMap((set) => [...set]);
    this.#topics.clear();
    await Promise.all(queues.map((queue) => queue.drained()));
  }
}
