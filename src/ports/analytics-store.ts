import type { DailyCount, DailyMetric } from '../domain/analytics/index.js';
import type { DecisionRecord } from './decision-store.js';

/** Outcome counters by UTC day, for the analytics dashboard. */
export interface AnalyticsStore {
  /** Adds each count to its day's counter (creating it at 0). */
  addDailyCounts(counts: readonly DailyCount[]): Promise<void>;
  /** The counters of the days in [fromDay, toDay), summed over days (`day` is `fromDay`). */
  dailyTotals(fromDay: number, toDay: number): Promise<DailyCount[]>;
  /** The metrics' counters of each day in [fromDay, toDay), summed over slots and strategies. */
  dailySeries(
    metrics: readonly DailyMetric[],
    fromDay: number,
    toDay: number,
  ): Promise<{ day: number; metric: DailyMetric; value: number }[]>;
  /** Sets each sample to its value (segment sizes: what was counted last that day wins). */
  setDailySamples(samples: readonly DailyCount[]): Promise<void>;
  /** The samples of `metric` under `slot` on every day before `toDay`, in day order. */
  dailySamples(metric: DailyMetric, slot: string, toDay: number): Promise<{ day: number; value: number }[]>;
  /** The profile's latest decision made in [from, to], if any. */
  lastDecisionOf(profileId: string, from: number, to: number): Promise<DecisionRecord | undefined>;
}
