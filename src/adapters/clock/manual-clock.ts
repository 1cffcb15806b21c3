import type { Clock } from '../../ports/clock.js';

/** A clock that moves only when told to: for tests and replays. Scheduled calls run as it passes them. */
export class ManualClock implements Clock {
  #now: number;
  #scheduled: { at: number; callback: () => void }[] = [];

  constructor(start: number | string = '2026-01-01T00:00:00.000Z') {
    this.#now = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): number {
    return this.#now;
  }

  schedule(at: number, callback: () => void): () => void {
    const entry = { at, callback };
    if (at <= this.#now) {
      queueMicrotask(callback);
      return () => {};
    }
    this.#scheduled.push(entry);
    return () => {
      this.#scheduled = this.#scheduled.filter((item) => item !== entry);
    };
  }

  /** Moves the clock forward by `milliseconds`, calling what falls due on the way, earliest first. */
  advance(milliseconds: number): void {
    this.set(this.#now + milliseconds);
  }

  set(time: number | string): void {
    this.#now = typeof time === 'number' ? time : Date.parse(time);
    const due = this.#scheduled.filter((item) => item.at <= this.#now).sort((a, b) => a.at - b.at);
    this.#scheduled = this.#scheduled.filter((item) => item.at > this.#now);
    for (const item of due) item.callback();
  }
}
