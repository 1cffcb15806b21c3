import { OnlineModel, type EventWeights } from '../../domain/recommendations/index.js';
import type { Lesson } from './interactions.js';

/**
 * Lessons remembered by id, at most: enough to cover what a rebuild replays and what the bus
 * redelivers; a lesson older than this never comes round again.
 */
const REMEMBERED_LESSONS = 200_000;

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
