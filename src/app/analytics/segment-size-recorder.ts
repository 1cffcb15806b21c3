import { dayOf, type DailyCount } from '../../domain/analytics/index.js';
import type { AnalyticsStore } from '../../ports/analytics-store.js';
import type { Clock } from '../../ports/clock.js';

/** How often each segment's size is sampled: the day's point is the last sample of the day. */
const EVERY_MS = 60 * 60 * 1000;

/**
 * Samples every segment's member count into its UTC day's point (`segmentSize`), at start and every
 * hour, so the dashboard draws sizes over time from one row per segment and day. A count is a count
 * of the segment's memberships (what entering and leaving keep up to date), never a read of
 * profiles; nodes sampling the same day write the same kind of value, the last one wins.
 */
export class SegmentSizeRecorder {
  #timer: ReturnType<typeof setInterval> | undefined;
  /** The sampling under way, which stopping waits for (a short-lived command must not close the store under it). */
  #recording: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: {
      readonly store: AnalyticsStore;
      readonly clock: Clock;
      readonly sizes: () => Promise<readonly { segmentId: string; members: number }[]>;
      readonly onError: (error: unknown) => void;
    },
  ) {}

  start(): void {
    const sample = () => {
      this.#recording = this.#recording.then(() => this.record()).catch(this.deps.onError);
    };
    sample();
    this.#timer = setInterval(sample, EVERY_MS);
    this.#timer.unref();
  }

  /** Samples every segment now. */
  async record(): Promise<void> {
    const day = dayOf(this.deps.clock.now());
    const samples: DailyCount[] = (await this.deps.sizes()).map(({ segmentId, members }) => ({
      metric: 'segmentSize',
      day,
      slot: segmentId,
      strategy: '',
      value: members,
    }));
    if (samples.length > 0) await this.deps.store.setDailySamples(samples);
  }

  stop(): Promise<void> {
    clearInterval(this.#timer);
    return this.#recording;
  }
}
