import type { BusHandler } from '../../ports/event-bus.js';

/**
 * Runs one handler's messages one at a time, in arrival order, and keeps going when a message fails:
 * the failure is reported and the next message runs.
 */
export class HandlerQueue<P> {
  #tail: Promise<void> = Promise.resolve();
  #catchUpWaiting = false;

  constructor(
    private readonly handler: BusHandler<P>,
    private readonly onError: (error: unknown) => void,
  ) {}

  push(payload: P): void {
    this.run(() => this.handler(payload));
  }

  /** Runs `task` in turn with the messages (a catch-up after messages were lost). */
  run(task: () => void | Promise<void>): void {
    this.#tail = this.#tail.then(async () => {
      try {
        await task();
      } catch (error) {
        this.onError(error);
      }
    });
  }

  /**
   * Queues `onMissed` (a catch-up after messages were lost) unless one is already waiting: a
   * catch-up re-reads everything when it runs, so one waiting is enough.
   */
  catchUp(onMissed: (() => void | Promise<void>) | undefined): void {
    if (onMissed === undefined || this.#catchUpWaiting) return;
    this.#catchUpWaiting = true;
    this.run(() => {
      this.#catchUpWaiting = false;
      return onMissed();
    });
  }

  /** Resolves when every message pushed so far has been handled. */
  drained(): Promise<void> {
    return this.#tail;
  }
}
