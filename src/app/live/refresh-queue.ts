import type { PageWatch } from './page-watches.js';

export interface RefreshQueueDeps {
  /** False for a watch that ended while it waited: it is skipped. */
  readonly isWatched: (watch: PageWatch) => boolean;
  /** Looks at the page again and pushes what changed. */
  readonly refresh: (watch: PageWatch) => Promise<void>;
  readonly onError: (error: unknown) => void;
}

/** Changes arriving together are looked at once. */
const COALESCE_MS = 50;

/**
 * Pages waiting to be looked at again. Changes arriving within a few milliseconds of each other
 * queue a page once; queued pages are looked at one at a time, yielding between them, so a rule
 * change over many open pages never blocks requests.
 */
export class RefreshQueue {
  readonly #queue: PageWatch[] = [];
  #timer: NodeJS.Timeout | undefined;
  #draining = false;

  constructor(private readonly deps: RefreshQueueDeps) {}

  /** Queues a page to be looked at again, unless it already waits. */
  enqueue(watch: PageWatch): void {
    if (watch.queued) return;
    watch.queued = true;
    this.#queue.push(watch);
    if (this.#timer === undefined && !this.#draining) {
      this.#timer = setTimeout(() => void this.#drain(), COALESCE_MS);
    }
  }

  stop(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
  }

  async #drain(): Promise<void> {
    this.#timer = undefined;
    this.#draining = true;
    try {
      for (let watch = this.#queue.shift(); watch !== undefined; watch = this.#queue.shift()) {
        watch.queued = false;
        if (!this.deps.isWatched(watch)) continue;
        try {
          await this.deps.refresh(watch);
        } catch (error) {
          this.deps.onError(error);
          continue;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.#draining = false;
    }
  }
}
