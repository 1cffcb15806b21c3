/** Where time comes from. Domain code never reads the clock: services pass `now` in. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /**
   * Calls `callback` once, when the clock reaches `at` (at once if it already has). Returns a function
   * that cancels the call. A test clock calls it when moved past `at`.
   */
  schedule(at: number, callback: () => void): () => void;
}
