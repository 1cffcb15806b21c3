import {
  historyFrom,
  MAX_VIEWED,
  type CustomerHistory,
  type Interaction,
} from '../../domain/recommendations/index.js';
import type { StoredEvent, Store } from '../../ports/store.js';
import { BROWSING_EVENTS, lessonOf, PURCHASE_EVENTS } from './interactions.js';

/** Every event the models learn from. */
const LESSON_EVENTS = [...BROWSING_EVENTS.view, ...BROWSING_EVENTS.cart, ...PURCHASE_EVENTS];

/** Ids of a loaded history's latest events kept with it: lessons about them may still be on the bus. */
const RECENT_KEPT = 8;
/** Events of one kind (views, adds, orders) read back at a time, newest first. */
const LOG_PAGE = 200;

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
  /** Events left out: lessons the caller will learn next (asked as the log is read). */
  readonly except?: { has(messageId: string): boolean };
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
      readonly store: Pick<Store, 'latestEventsOf'>;
      readonly isKnown: (productId: string) => boolean;
      /** Events read back at a time (views, adds, orders); a test's small pages take the paging through its turns. */
      readonly pageSize?: number;
    },
  ) {}

  /**
   * The customer's history from their events, folded as the online model learns them. Views and
   * adds to cart are read back only as far as the history keeps them (see `#latestBrowsing`),
   * orders all, and no other event (none teaches the models anything): the same history as from
   * every event, at a cost that does not grow with a busy customer's browsing past.
   */
  async load(customer: string, cut: HistoryCut = {}): Promise<StoredHistory> {
    const before = cut.before ?? Number.POSITIVE_INFINITY;
    // Most customers met again have a short past: one page of every event the models learn from
    // holds all of it, two statements where reading each kind apart takes six. A longer past is
    // read kind by kind, that page left unused (such customers are rarely out of memory).
    const newest = await this.deps.store.latestEventsOf(customer, LESSON_EVENTS, before, this.#pageSize);
    if (newest.length < this.#pageSize) return this.#fold(customer, newest, cut);
    const [orders, views, adds] = await Promise.all([
      this.#orders(customer, before),
      this.#latestBrowsing(customer, 'view', cut),
      this.#latestBrowsing(customer, 'cart', cut),
    ]);
    return this.#fold(customer, [...orders, ...views, ...adds], cut);
  }

  /**
   * The customer's purchases as {@link load}'s history holds them, from their orders alone: views
   * and adds to cart change nothing in them, and EASE's training, which reads every customer's,
   * needs no more (reading the browsing too was half of what a start at 8.6M events did after ready).
   */
  async purchases(customer: string): Promise<CustomerHistory['purchases']> {
    const orders = await this.#orders(customer, Number.POSITIVE_INFINITY);
    return this.#fold(customer, orders, {}).history.purchases;
  }

  /** Every order of the customer's stored before `before`. */
  async #orders(customer: string, before: number): Promise<StoredEvent[]> {
    const orders: StoredEvent[] = [];
    for await (const page of this.#latestPages(customer, PURCHASE_EVENTS, before)) orders.push(...page);
    return orders;
  }

  get #pageSize(): number {
    return this.deps.pageSize ?? LOG_PAGE;
  }

  /** The history the online model would hold after learning these of the customer's events. */
  #fold(customer: string, read: StoredEvent[], cut: HistoryCut): StoredHistory {
    const events = read.sort((a, b) => a.seq - b.seq);
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

  /**
   * The customer's latest views (or adds to cart), newest first, a page at a time until they name
   * {@link MAX_VIEWED} distinct products the history would keep, or none are left. An older one can
   * change nothing: the history keeps the latest {@link MAX_VIEWED} distinct products of each kind,
   * and each of those is already among the events read, at its latest.
   */
  async #latestBrowsing(customer: string, kind: 'view' | 'cart', cut: HistoryCut): Promise<StoredEvent[]> {
    const read: StoredEvent[] = [];
    const products = new Set<string>();
    const before = cut.before ?? Number.POSITIVE_INFINITY;
    for await (const page of this.#latestPages(customer, BROWSING_EVENTS[kind], before)) {
      for (const stored of page) {
        read.push(stored);
        if (cut.except?.has(stored.event.messageId) === true) continue;
        const lesson = lessonOf(customer, stored.event, {}, this.deps.isKnown);
        for (const interaction of lesson?.interactions ?? []) products.add(interaction.productId);
      }
      if (products.size >= MAX_VIEWED) break;
    }
    return read;
  }

  /** The customer's events of these names stored before `before`, newest first, a page at a time until none are left. */
  async *#latestPages(
    customer: string,
    names: readonly string[],
    before: number,
  ): AsyncGenerator<StoredEvent[]> {
    const size = this.#pageSize;
    for (let next = before; ;) {
      const page = await this.deps.store.latestEventsOf(customer, names, next, size);
      if (page.length > 0) yield page;
      const oldest = page[page.length - 1];
      if (page.length < size || oldest === undefined) return;
      next = oldest.seq;
    }
  }
}
