import type { DecisionRecord, DecisionStore } from '../../ports/decision-store.js';

/** Decisions written together, at most this many per write. */
const BATCH = 500;
/** How long a decision may wait in memory before it is written, ms. */
const FLUSH_MS = 1_000;

/**
 * Decisions are recorded off the answer's path: kept in memory and written in batches every
 * second (or at 500), so a decide call never waits on the store. A crash loses at most the last
 * second of decisions, which only attribution reads.
 */
export class DecisionLog {
  #pending: DecisionRecord[] = [];
  #writing: Promise<void> = Promise.resolve();
  readonly #timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly store: DecisionStore,
    private readonly onError: (error: unknown) => void,
  ) {
    this.#timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.#timer.unref();
  }

  record(decision: DecisionRecord): void {
    this.#pending.push(decision);
    if (this.#pending.length >= BATCH) void this.flush();
  }

  /** Writes what is pending; resolves when it (and any write before it) is done. */
  flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length > 0) {
      this.#writing = this.#writing
        .then(() => this.#insert(batch))
        .catch((error: unknown) => this.onError(error));
    }
    return this.#writing;
  }

  /** Writes `batch` in one go; should that fail, one by one, so one decision the store refuses loses no other. */
  async #insert(batch: DecisionRecord[]): Promise<void> {
    try {
      await this.store.insertDecisions(batch);
    } catch (error) {
      if (batch.length === 1) throw error;
      this.onError(error);
      for (const decision of batch) {
        await this.store.insertDecisions([decision]).catch((alone: unknown) => this.onError(alone));
      }
    }
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }
}
