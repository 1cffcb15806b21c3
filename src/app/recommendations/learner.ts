import { OnlineModel, type EventWeights } from '../../domain/recommendations/index.js';
import type { TrackedEvent } from '../../domain/profiles/index.js';
import { interactionsOf, type Whereabouts } from './interactions.js';

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

  learn(profileId: string, event: TrackedEvent, where?: Whereabouts): void {
    const orderId = event.commerce?.name === 'Order Completed' ? event.commerce.orderId : undefined;
    if (orderId !== undefined) {
      if (this.#orders.has(orderId)) return;
      this.#orders.add(orderId);
    }
    for (const interaction of interactionsOf(profileId, event, where)) this.model.observe(interaction);
  }
}
