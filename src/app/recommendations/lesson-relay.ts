import { followOtherNodes } from '../follow-other-nodes.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { BatchResult } from '../profiles/ingest-batch.js';
import { giveWayIfDue, type GiveWay } from '../yield-to-requests.js';
import { lessonOf, whereaboutsOf } from './interactions.js';
import type { Learnt } from './serving-models.js';

/** Lessons learnt between two chances to give way: 64 held the event loop past 40 ms at times. */
const LESSONS_A_PART = 16;

export interface LessonRelayDeps {
  readonly bus: EventBus;
  readonly nodeId: string;
  /** Learns a commit into the models in service (in order, loading the histories it needs). */
  readonly learn: (learnt: Learnt) => void;
  /** Views and adds of products the catalogue does not know teach nothing. */
  readonly isKnown: (productId: string) => boolean;
  /** Rebuilds the models from the store's log (which holds every node's events). */
  readonly rebuild: () => Promise<unknown>;
  readonly onError: (error: unknown) => void;
}

/**
 * Keeps every node's online models current: what a commit here teaches is learnt at once and sent
 * over the bus; what other nodes send is learnt as it arrives. A lesson lost on the bus is learnt
 * with the next rebuild, which reads the whole log.
 */
export class LessonRelay {
  constructor(private readonly deps: LessonRelayDeps) {}

  /** Learns what other nodes send. */
  async start(): Promise<void> {
    const { bus, nodeId, learn } = this.deps;
    await followOtherNodes(bus, nodeId, 'recommendations.lessons', {
      changed: (learnt) => learn(learnt),
      // Lessons lost on the bus are in the log: learn them from it now rather than at the next rebuild.
      missed: () => void this.deps.rebuild().catch(this.deps.onError),
    });
  }

  /**
   * Learns a commit of this node, then tells the other nodes what it learnt. A commit of many
   * events is learnt {@link LESSONS_A_PART} lessons at a time, giving way between parts (never
   * inside an event's lesson, so no answer reads half an order).
   */
  async relay(result: BatchResult, giveWay?: GiveWay): Promise<void> {
    const whereabouts = new Map(result.profiles.map(({ profile }) => [profile.id, whereaboutsOf(profile)]));
    const lessons = result.stored.flatMap(
      ({ profileId, event }) =>
        lessonOf(profileId, event, whereabouts.get(profileId), this.deps.isKnown) ?? [],
    );
    const learnt: Learnt = { lessons, merges: result.absorbed };
    for (let start = 0; start === 0 || start < lessons.length; start += LESSONS_A_PART) {
      if (start > 0) await giveWayIfDue(giveWay);
      // The merges first, with the first part: later lessons are about the customers merged into.
      this.deps.learn({
        lessons: lessons.slice(start, start + LESSONS_A_PART),
        merges: start === 0 ? learnt.merges : [],
      });
    }
    if (lessons.length > 0 || learnt.merges.length > 0) {
      void this.deps.bus
        .publish('recommendations.lessons', { origin: this.deps.nodeId, ...learnt })
        .catch(this.deps.onError);
    }
  }
}
