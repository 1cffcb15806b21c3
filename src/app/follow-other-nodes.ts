import type { BusHandler, BusSubscription, EventBus } from '../ports/event-bus.js';
import type { NodeTopic, Topics } from '../ports/topics.js';

/**
 * Subscribes `handler` to the messages of `topic` that other nodes published. A node applies its
 * own changes to memory before it publishes them, so its own messages are skipped, not re-read.
 */
export function followOtherNodes<K extends NodeTopic>(
  bus: EventBus,
  nodeId: string,
  topic: K,
  handler: BusHandler<Topics[K]>,
): Promise<BusSubscription> {
  return bus.subscribe(topic, (payload) => (payload.origin === nodeId ? undefined : handler(payload)));
}
