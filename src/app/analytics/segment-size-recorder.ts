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

  constructor(
    private readonly deps: {
      readonly store: AnalyticsStore;
      readonly clock: Clock;
      readonly sizes: () => Promise<readonly { segmentId: string; members: number }[]>;
      readonly onError: (error: unknown) => void;
    },
  ) {}

  start(): void {
    void this.record().catch(this.deps.onError);
    this.#timer = setInterval(() => void this.record().catch(this.deps.onError), EVERY_MS);
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

  stop(): void {
    clearInterval(this.#timer);
  }
}
