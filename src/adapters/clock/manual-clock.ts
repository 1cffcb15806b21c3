import type { Clock } from '../../ports/clock.js';

/** A clock that moves only when told to: for tests and replays. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: number | string = '2026-01-01T00:00:00.000Z') {
    this.#now = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): number {
    return this.#now;
  }

  /** Moves the clock forward by `milliseconds`. */
  advance(milliseconds: number): void {
    this.#now += milliseconds;
  }

  set(time: number | string): void {
    this.#now = typeof time === 'number' ? time : Date.parse(time);
  }
}
