import { OnlineModel, type EventWeights } from '../../domain/recommendations/index.js';
import type { Lesson } from './interactions.js';

/**
 * An online model and what it has learnt from: each order once by its id, however many times it
 * arrives (a tracked `Order Completed` and `POST /v1/orders` for the same order count once).
 */
export class Learner {
  readonly model: OnlineModel;
  readonly #orders = new Set<string>();

  constructor(weights: EventWeights) {
    this.model = new OnlineModel({ weights });
  }

  learn(lesson: Lesson): void {
    if (lesson.orderId !== undefined) {
      if (this.#orders.has(lesson.orderId)) return;
      this.#orders.add(lesson.orderId);
    }
    for (const interaction of lesson.interactions) this.model.observe(interaction);
  }
}
