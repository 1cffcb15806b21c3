import type { BusHandler, BusSubscription, EventBus } from '../ports/event-bus.js';
import type { NodeTopic, Topics } from '../ports/topics.js';

/** What a node does with another node's changes of one topic. */
export interface Following<K extends NodeTopic> {
  /** Applies one change another node published. */
  readonly changed: BusHandler<Topics[K]>;
  /**
   * Catches up after the bus lost changes this node should have had (it was paused or cut off for
   * longer than the bus keeps them): re-reads from the store everything the topic could have changed.
   */
  readonly missed: () => void | Promise<void>;
}

/**
 * Subscribes to the messages of `topic` that other nodes published. A node applies its own changes
 * to memory before it publishes them, so its own messages are skipped (`skipOrigin`), not re-read.
 */
export function followOtherNodes<K extends NodeTopic>(
  bus: EventBus,
  nodeId: string,
  topic: K,
  following: Following<K>,
): Promise<BusSubscription> {
  const { changed, missed } = following;
  return bus.subscribe(topic, changed, { onMissed: missed, skipOrigin: nodeId });
}

/** For a topic whose every message means "read it all again": a lost message means the same. */
export function rereadOnChange<K extends NodeTopic>(reread: () => void | Promise<void>): Following<K> {
  return { changed: () => reread(), missed: reread };
}
