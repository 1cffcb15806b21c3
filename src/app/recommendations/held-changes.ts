import { FairSlices, type FairSliceOptions } from '../yield-to-requests.js';

/** Consumed entries past which the queue is compacted (when they are also the larger part of it). */
const COMPACT_AFTER = 1_024;

/**
 * Changes to something that can be held still (a model whose state a snapshot is reading): while
 * any hold is in force they wait, in order; once every hold is let go they are applied in fair
 * slices of the event loop (a hold under load gathers tens of thousands of changes; applied at once,
 * they stalled the loop for seconds). What arrives before the queue is empty waits behind it, and a
 * new hold stops the catch-up until it is let go.
 */
export class HeldChanges<T> {
  #holds = 0;
  #waiting: T[] = [];
  /** The first entry of `#waiting` not applied yet. */
  #next = 0;
  /** True while a catch-up's loop runs (set and cleared synchronously, unlike its promise). */
  #catchingUp = false;
  #caughtUp: Promise<void> = Promise.resolve();

  constructor(
    private readonly apply: (change: T) => void,
    private readonly slices: FairSliceOptions = {},
  ) {}

  /** True while changes must wait: held, or still being caught up with. */
  get busy(): boolean {
    return this.#holds > 0 || this.#next < this.#waiting.length;
  }

  /** Applies `change` at once, or queues it behind what waits. */
  offer(change: T): void {
    if (this.busy) this.#waiting.push(change);
    else this.apply(change);
  }

  /**
   * Holds changes back until the returned function is called; that function resolves once the
   * catch-up is done (or stopped by another hold), and rejects with the first change that failed
   * to apply (the others are applied all the same).
   */
  hold(): () => Promise<void> {
    this.#holds += 1;
    let released = false;
    return () => {
      if (!released) {
        released = true;
        this.#holds -= 1;
      }
      if (!this.#catchingUp) this.#caughtUp = this.#catchUp();
      return this.#caughtUp;
    };
  }

  /** Resolves once nothing waits (failures are reported to whoever let the hold go). */
  async settled(): Promise<void> {
    while (this.busy) {
      if (this.#catchingUp) await this.#caughtUp.catch(() => undefined);
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async #catchUp(): Promise<void> {
    this.#catchingUp = true;
    const slices = new FairSlices(this.slices);
    const failures: unknown[] = [];
    try {
      while (this.#holds === 0 && this.#next < this.#waiting.length) {
        const change = this.#waiting[this.#next] as T;
        this.#next += 1;
        try {
          this.apply(change);
        } catch (error) {
          failures.push(error);
        }
        if (slices.due) {
          this.#compact();
          await slices.giveWay();
        }
      }
    } finally {
      this.#catchingUp = false;
      this.#compact();
    }
    if (failures.length > 0) throw failures[0];
  }

  /** Lets go of the entries applied: all of them once none waits, else when they are most of the queue. */
  #compact(): void {
    if (this.#next === this.#waiting.length) {
      this.#waiting = [];
      this.#next = 0;
    } else if (this.#next > COMPACT_AFTER && this.#next * 2 > this.#waiting.length) {
      this.#waiting.splice(0, this.#next);
      this.#next = 0;
    }
  }
}
