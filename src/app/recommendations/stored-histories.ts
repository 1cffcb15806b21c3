import { historyFrom, type CustomerHistory, type Interaction } from '../../domain/recommendations/index.js';
import type { Store } from '../../ports/store.js';
import { lessonOf } from './interactions.js';

/** Ids of a loaded history's latest events kept with it: lessons about them may still be on the bus. */
const RECENT_KEPT = 8;

/** A customer's history as the event log gives it. */
export interface StoredHistory {
  readonly history: CustomerHistory;
  /** Ids of the latest events folded in (see `CustomerHistories.hasFolded`). */
  readonly recent: readonly string[];
}

/** Which of the customer's events a load folds in. */
export interface HistoryCut {
  /** Only events stored before this position (a read of the log at that position). */
  readonly before?: number;
  /** Events left out: lessons the caller will learn next. */
  readonly except?: ReadonlySet<string>;
}

/**
 * Customers' histories read back from the event log, where they are durable: the log is written in
 * the ingestion transaction, an erasure deletes a customer's events and a merge names the merged
 * profile's events after the profile it went into, so a history loaded from it is never behind what
 * was acknowledged, never outlives an erasure and follows merges, with no second copy to write.
 */
export class StoredHistories {
  constructor(
    private readonly deps: {
      readonly store: Pick<Store, 'eventsOf'>;
      readonly isKnown: (productId: string) => boolean;
    },
  ) {}

  /** The customer's history from their events, folded as the online model learns them. */
  async load(customer: string, cut: HistoryCut = {}): Promise<StoredHistory> {
    const events = await this.deps.store.eventsOf(customer);
    const before = cut.before ?? Number.POSITIVE_INFINITY;
    const lessons = new Set<string>();
    const orders = new Set<string>();
    const interactions: Interaction[] = [];
    const recent: string[] = [];
    for (const { seq, event } of events) {
      if (seq >= before || cut.except?.has(event.messageId) === true) continue;
      const lesson = lessonOf(customer, event, {}, this.deps.isKnown);
      // Learnt once by messageId and once per order, as the learner does.
      if (lesson === undefined || lessons.has(lesson.messageId)) continue;
      lessons.add(lesson.messageId);
      if (lesson.orderId !== undefined) {
        if (orders.has(lesson.orderId)) continue;
        orders.add(lesson.orderId);
      }
      interactions.push(...lesson.interactions);
      recent.push(lesson.messageId);
    }
    return { history: historyFrom(interactions), recent: recent.slice(-RECENT_KEPT) };
  }
}
