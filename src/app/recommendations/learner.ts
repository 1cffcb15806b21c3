import {
  OnlineModel,
  PAUSE,
  recordInHistory,
  restoreStateRecord,
  stateRecordsOf,
  StateRecordError,
  type EventWeights,
  type Pause,
  type StateRecord,
} from '../../domain/recommendations/index.js';
import type { Lesson } from './interactions.js';
import { RememberedIds } from './remembered-ids.js';

/**
 * Lessons remembered by id, at most: enough to cover what a rebuild replays and what the bus
 * redelivers; a lesson older than this never comes round again.
 */
const REMEMBERED_LESSONS = 200_000;
/**
 * Orders remembered by id, at most: a tracked `Order Completed` and `POST /v1/orders` for the same
 * order arrive close together, never 200,000 orders apart. Unbounded, the set grew with every order
 * a long-running node saw.
 */
const REMEMBERED_ORDERS = 200_000;
/** Ids per record of a snapshot. */
const IDS_PER_RECORD = 5_000;

/**
 * An online model and what it has learnt: each event once by its messageId (a lesson may arrive
 * from the log and from the bus), and each order once by its id, however it arrives (a tracked
 * `Order Completed` and `POST /v1/orders` for the same order count once).
 */
export class Learner {
  readonly model: OnlineModel;
  readonly #orders = new RememberedIds(REMEMBERED_ORDERS);
  readonly #lessons = new RememberedIds(REMEMBERED_LESSONS);

  /** `customerBudgetBytes`: customers' histories held (see `CustomerHistories`); unbounded by default. */
  constructor(weights: EventWeights, customerBudgetBytes?: number) {
    this.model = new OnlineModel({
      weights,
      ...(customerBudgetBytes !== undefined && { customerBudgetBytes }),
    });
  }

  /** `folded`: the customer's history (not held here) holds it already: only shared counts learn it. */
  learn(lesson: Lesson, folded = false): void {
    for (const step of this.learning(lesson, folded)) void step;
  }

  /**
   * {@link learn} one line at a time, pausing after each: a wholesaler's order of hundreds of lines
   * pairs each new item with the thousands bought before, tens of ms in one go. Only a model no
   * request reads (one a rebuild fills) may pause between lines: a served one would answer from
   * half an order.
   */
  *learning(lesson: Lesson, folded = false): Generator<void, void> {
    if (this.#lessons.has(lesson.messageId)) return;
    this.#lessons.add(lesson.messageId);
    if (lesson.orderId !== undefined) {
      if (this.#orders.has(lesson.orderId)) return;
      this.#orders.add(lesson.orderId);
    }
    // A history loaded from the log after this event was stored holds it already.
    const inHistory = folded || this.model.customers.hasFolded(lesson.profileId, lesson.messageId);
    for (const interaction of lesson.interactions) {
      this.model.observe(interaction, inHistory);
      yield;
    }
  }

  /** True when the lesson was learnt already (by its id, or its order's). */
  knows(lesson: Lesson): boolean {
    return (
      this.#lessons.has(lesson.messageId) ||
      (lesson.orderId !== undefined && this.#orders.has(lesson.orderId))
    );
  }

  /**
   * Puts a lesson the shared counts already hold (a snapshot learnt it) into the customer's history
   * when it is held: a history loaded from the log before it does not hold it yet.
   */
  learnHistory(lesson: Lesson): void {
    const history = this.model.customers.get(lesson.profileId);
    if (history === undefined) return;
    for (const interaction of lesson.interactions) recordInHistory(history, interaction);
    this.model.customers.resize(lesson.profileId);
  }

  /** Lessons learnt, as far as ids are remembered. */
  get remembered(): number {
    return this.#lessons.size;
  }

  /** Orders counted, as far as their ids are remembered. */
  get rememberedOrders(): number {
    return this.#orders.size;
  }

  /**
   * Everything learnt, as records for a snapshot: the model's state, the orders counted (`O`) and
   * the lessons remembered, oldest first (`L`). Nothing may be learnt while they are read. Customers'
   * histories are left out: the log holds them, and they are loaded from it when needed. Pauses
   * ({@link PAUSE}) among them are where a writer may give way.
   */
  *stateRecords(): Generator<StateRecord | Pause> {
    yield* stateRecordsOf(this.model, false);
    for (const ids of this.#orders.slices(IDS_PER_RECORD)) yield ['O', ids];
    for (const ids of this.#lessons.slices(IDS_PER_RECORD)) yield ['L', ids];
  }

  /** Puts back one record of {@link stateRecords} (into a fresh learner, in order). */
  restore(record: StateRecord | Pause): void {
    if (record === PAUSE) return;
    const [tag, ids] = record;
    if (tag !== 'O' && tag !== 'L') return restoreStateRecord(this.model, record);
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
      throw new StateRecordError(`not a list of ids: ${tag}`);
    if (tag === 'O') for (const id of ids) this.#orders.add(id);
    else for (const id of ids) this.#lessons.add(id);
  }
}
