import type { ExperimentStore, Exposure, ImpressionCount } from '../../ports/experiment-store.js';
import { yieldToRequests } from '../yield-to-requests.js';

/** Exposures written together, at most this many per write. */
const BATCH = 500;
/** How long an exposure may wait in memory before it is written, ms. */
const FLUSH_MS = 1_000;
/**
 * Units' impressions written a transaction, at most: each is a synchronous write on SQLite while
 * requests wait (500 units took 16 ms), so a busy second's are written in turns with them.
 */
const IMPRESSIONS_PER_WRITE = 100;

/**
 * First exposures are recorded off the answer's path, like decisions: kept in memory and written in
 * batches every second (or at 500), so an answer never waits on the store. A crash loses at most
 * the last second of exposures; those units are recorded again at their next answer.
 */
export class ExposureLog {
  #pending: Exposure[] = [];
  /** Impressions waiting, by experiment and unit keys: one write per unit per flush, however many answers. */
  #impressions = new Map<string, ImpressionCount>();
  #writing: Promise<void> = Promise.resolve();
  readonly #timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly store: Pick<ExperimentStore, 'recordExposures' | 'addImpressions'>,
    private readonly onError: (error: unknown) => void,
  ) {
    this.#timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.#timer.unref();
  }

  record(exposure: Exposure): void {
    this.#pending.push(exposure);
    if (this.#pending.length >= BATCH) void this.flush();
  }

  /** Counts an answer that showed what the experiment tests to the unit; written with the next batch. */
  recordImpression(experimentId: string, unitKeys: readonly string[]): void {
    const key = `${experimentId}\n${unitKeys.join('\n')}`;
    const before = this.#impressions.get(key);
    this.#impressions.set(key, { experimentId, unitKeys, impressions: (before?.impressions ?? 0) + 1 });
  }

  /** Writes what is pending (exposures first, so the units the impressions count for exist); resolves when it (and any write before it) is done. */
  flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    const impressions = [...this.#impressions.values()];
    this.#impressions = new Map();
    if (batch.length > 0) {
      this.#writing = this.#writing
        .then(() => this.#insert(batch))
        .catch((error: unknown) => this.onError(error));
    }
    if (impressions.length > 0) {
      this.#writing = this.#writing
        .then(() => this.#addImpressions(impressions))
        .catch((error: unknown) => this.onError(error));
    }
    return this.#writing;
  }

  /** Writes `batch` in one go; should that fail, one by one, so one exposure the store refuses loses no other. */
  async #insert(batch: Exposure[]): Promise<void> {
    try {
      await this.store.recordExposures(batch);
    } catch (error) {
      if (batch.length === 1) throw error;
      this.onError(error);
      for (const exposure of batch) {
        await this.store.recordExposures([exposure]).catch((alone: unknown) => this.onError(alone));
      }
    }
  }

  /** Writes `impressions` a part at a time, letting waiting requests go between parts. */
  async #addImpressions(impressions: readonly ImpressionCount[]): Promise<void> {
    for (let first = 0; first < impressions.length; first += IMPRESSIONS_PER_WRITE) {
      if (first > 0) await yieldToRequests();
      await this.store.addImpressions(impressions.slice(first, first + IMPRESSIONS_PER_WRITE));
    }
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }
}
