/** Resolves after the event loop has served what waits (I/O, requests): a synchronous store never yields. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The longest background work waits for a gap in serving before it takes a turn anyway (ms). A
 * turn taken while a request is served delays that request by one slice; at 5 s, the two kinds of
 * background work delay at most one request in every 250 of a node serving 100 a second even when
 * it never idles, which leaves the p99 alone.
 */
const LONGEST_WAIT_MS = 5_000;

/**
 * Serving goes first: background work that a burst can make large (journey messages falling due
 * at once, webhook deliveries) runs in the gaps between requests, so sending 100,000 messages does
 * not slow the answers a storefront is waiting for. The HTTP edge counts the requests in flight
 * (live streams excepted); background work awaits {@link turn} before each slice of its work.
 *
 * A node that is never idle still moves: a turn comes at the latest `longestWaitMs` after it was
 * asked for, so under constant load background work gets one slice per wait rather than none.
 */
export class ServingFirst {
  #inFlight = 0;
  readonly #idle = new Set<() => void>();

  constructor(private readonly longestWaitMs = LONGEST_WAIT_MS) {}

  requestStarted(): void {
    this.#inFlight += 1;
  }

  requestEnded(): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
    if (this.#inFlight === 0) for (const wake of [...this.#idle]) wake();
  }

  /** Requests being served now. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /**
   * Resolves when background work may run its next slice: after a turn of the event loop (what
   * waits goes first), once no request is in flight, or `longestWaitMs` after the call at the latest.
   * Idleness is judged a loop turn after the last request ended, so back-to-back requests (a client
   * sending the next as soon as it has the answer) keep the work waiting.
   */
  async turn(): Promise<void> {
    const deadline = performance.now() + this.longestWaitMs;
    await nextTurn();
    while (this.#inFlight > 0) {
      const left = deadline - performance.now();
      if (left <= 0) return;
      await this.#untilIdle(left);
      await nextTurn();
    }
  }

  #untilIdle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.#idle.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.#idle.add(wake);
    });
  }
}
