import type { EaseTrainingSet, EaseWeights } from '../domain/recommendations/index.js';

/**
 * Trains the heavier recommendation models away from the request path. Training EASE is O(n³) in
 * the items it covers (seconds for 2,000), so the production adapter runs it in a worker thread
 * and the event loop keeps answering requests meanwhile.
 */
export interface ModelTrainer {
  /**
   * EASE over the set's items, from each customer's set of them or from the counts those add up to.
   * The set is handed over: its buffers may move to another thread, so the caller reads it no more.
   */
  trainEase(set: EaseTrainingSet, lambda: number): Promise<EaseWeights>;
}
