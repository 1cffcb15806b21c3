import {
  OnlineModel,
  restoreStateRecord,
  stateRecordsOf,
  StateRecordError,
  type EventWeights,
  type StateRecord,
} from '../../domain/recommendations/index.js';
import type { Lesson } from './interactions.js';

/**
 * Lessons remembered by id, at most: enough to cover what a rebuild replays and what the bus
 * redelivers; a lesson older than this never comes round again.
 */
const REMEMBERED_LESSONS = 200_000;
/** Ids per record of a snapshot. */
const IDS_PER_RECORD = 5_000;

/**
 * An online model and what it has learnt: each event once by its messageId (a lesson may arrive
 * from the log and from the bus), and each order once by its id, however it arrives (a tracked
 * `Order Completed` and `POST /v1/orders` for the same order count once).
 */
export class Learner {
  readonly model: OnlineModel;
  readonly #orders = new Set<string>();
  readonly #lessons = new Set<string>();
  readonly #lessonOrder: string[] = [];
  #oldest = 0;

  constructor(weights: EventWeights) {
    this.model = new OnlineModel({ weights });
  }

  learn(lesson: Lesson): void {
    if (this.#lessons.has(lesson.messageId)) return;
    this.#remember(lesson.messageId);
    if (lesson.orderId !== undefined) {
      if (this.#orders.has(lesson.orderId)) return;
      this.#orders.add(lesson.orderId);
    }
    for (const interaction of lesson.interactions) this.model.observe(interaction);
  }

  /** Lessons learnt, as far as ids are remembered. */
  get remembered(): number {
    return this.#lessonOrder.length - this.#oldest;
  }

  /**
   * Everything learnt, as records for a snapshot: the model's state, the orders counted (`O`) and
   * the lessons remembered, oldest first (`L`). Nothing may be learnt while they are read.
   */
  *stateRecords(): Generator<StateRecord> {
    yield* stateRecordsOf(this.model);
    const orders = [...this.#orders];
    for (let first = 0; first < orders.length; first += IDS_PER_RECORD)
      yield ['O', orders.slice(first, first + IDS_PER_RECORD)];
    for (let first = this.#oldest; first < this.#lessonOrder.length; first += IDS_PER_RECORD)
      yield ['L', this.#lessonOrder.slice(first, Math.min(first + IDS_PER_RECORD, this.#lessonOrder.length))];
  }

  /** Puts back one record of {@link stateRecords} (into a fresh learner, in order). */
  restore(record: StateRecord): void {
    const [tag, ids] = record;
    if (tag !== 'O' && tag !== 'L') return restoreStateRecord(this.model, record);
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
      throw new StateRecordError(`not a list of ids: ${tag}`);
    if (tag === 'O') for (const id of ids) this.#orders.add(id);
    else for (const id of ids) if (!this.#lessons.has(id)) this.#remember(id);
  }

  #remember(messageId: string): void {
    this.#lessons.add(messageId);
    this.#lessonOrder.push(messageId);
    if (this.#lessonOrder.length - this.#oldest > REMEMBERED_LESSONS) {
      this.#lessons.delete(this.#lessonOrder[this.#oldest] as string);
      this.#oldest += 1;
      // Drop the forgotten head now and then, so the queue does not keep every id ever seen.
      if (this.#oldest > REMEMBERED_LESSONS) {
        this.#lessonOrder.splice(0, this.#oldest);
        this.#oldest = 0;
      }
    }
  }
}
