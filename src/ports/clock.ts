/** Where time comes from. Domain code never reads the clock: services pass `now` in. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}
