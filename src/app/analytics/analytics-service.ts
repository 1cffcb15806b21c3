import {
  DAY_MS,
  dayOf,
  shownSlots,
  sizesByDay,
  summed,
  type DailyCount,
  type DailyMetric,
} from '../../domain/analytics/index.js';
import {
  ctrOf,
  holdoutUplift,
  overviewOf,
  type HoldoutUplift,
  type Overview,
} from '../../domain/analytics/index.js';
import type { Experiment } from '../../domain/experiments/index.js';
import type { ExperimentResults } from '../../domain/experiments/statistics/index.js';
import type { AnalyticsStore } from '../../ports/analytics-store.js';
import type { DecisionStore } from '../../ports/decision-store.js';
import type { BatchResult } from '../profiles/ingest-batch.js';

/** A segment and how many customers it holds. */
export interface SegmentSize {
  readonly segmentId: string;
  readonly members: number;
}

/** How long before an order a decision may have led to it. */
export const ATTRIBUTION_WINDOW_MS = 24 * 60 * 60 * 1000;

/** What the time series can show (`segment_size`: one segment's member count, which it names). */
export const SERIES_METRICS = [
  'impressions',
  'clicks',
  'ctr',
  'orders',
  'revenue',
  'discountCost',
  'segment_size',
] as const;
export type SeriesMetric = (typeof SERIES_METRICS)[number];

const COUNTED: Record<Exclude<SeriesMetric, 'ctr' | 'segment_size'>, DailyMetric> = {
  impressions: 'impressions',
  clicks: 'clicks',
  orders: 'orders',
  revenue: 'revenue',
  discountCost: 'discount',
};

/** Whole UTC days: `from` rounds down to its day, `to` (exclusive) up to the next day start. */
function daysOf(from: number, to: number): [number, number] {
  return [dayOf(from), dayOf(to - 1) + DAY_MS];
}

/**
 * The outcomes dashboard: counters by day, kept as answers, clicks and orders happen (impressions
 * with the decisions, discounts with the orders, clicks and attributed orders here, once their
 * events are durable), read back summed over a range. See docs/analytics.md for the model.
 */
export class AnalyticsService {
  constructor(
    private readonly deps: {
      readonly store: AnalyticsStore & DecisionStore;
      readonly currency: string;
      /** The running experiments and their results, for the holdout's uplift. */
      readonly running: () => readonly Experiment[];
      readonly results: (id: string) => Promise<{ experiment: Experiment; results: ExperimentResults }>;
      /** A segment's member count now (@throws DomainError `segment_not_found`). */
      readonly segmentSize: (id: string) => Promise<number>;
      /** Every segment's member count now. */
      readonly segmentSizes: () => Promise<readonly SegmentSize[]>;
      readonly now: () => number;
    },
  ) {}

  /** The range's totals, the holdout's uplift, and every segment's size now (not of the range). */
  async overview(
    from: number,
    to: number,
  ): Promise<Overview & { holdout?: HoldoutUplift; segments: readonly SegmentSize[] }> {
    const [fromDay, toDay] = daysOf(from, to);
    const overview = overviewOf(await this.deps.store.dailyTotals(fromDay, toDay));
    const segments = await this.deps.segmentSizes();
    const holdout = await this.#holdout();
    return holdout === undefined ? { ...overview, segments } : { ...overview, holdout, segments };
  }

  /** One point per UTC day of the range; `segment_size` needs the segment's id. */
  async timeseries(
    metric: Exclude<SeriesMetric, 'segment_size'>,
    from: number,
    to: number,
  ): Promise<{ at: number; value: number }[]> {
    const [fromDay, toDay] = daysOf(from, to);
    const metrics: DailyMetric[] = metric === 'ctr' ? ['impressions', 'clicks'] : [COUNTED[metric]];
    const rows = await this.deps.store.dailySeries(metrics, fromDay, toDay);
    const points: { at: number; value: number }[] = [];
    for (let day = fromDay; day < toDay; day += DAY_MS) {
      const of = (name: DailyMetric) =>
        rows.find((row) => row.day === day && row.metric === name)?.value ?? 0;
      points.push({
        at: day,
        value: metric === 'ctr' ? ctrOf(of('clicks'), of('impressions')) : of(metrics[0] ?? 'impressions'),
      });
    }
    return points;
  }

  /**
   * A segment's member count on each UTC day of the range: the day's last sample (see
   * SegmentSizeRecorder), carried over days without one; today's is counted now.
   * @throws DomainError `segment_not_found`.
   */
  async segmentSizes(segmentId: string, from: number, to: number): Promise<{ at: number; value: number }[]> {
    const [fromDay, toDay] = daysOf(from, to);
    const now = this.deps.now();
    const today = dayOf(now);
    const current = await this.deps.segmentSize(segmentId);
    const samples = (await this.deps.store.dailySamples('segmentSize', segmentId, toDay)).filter(
      (sample) => sample.day !== today,
    );
    if (today < toDay) samples.push({ day: today, value: current });
    // Days after today have no size yet: they keep today's, as a chart's last point would.
    return sizesByDay(samples, fromDay, toDay);
  }

  /** Counts the clicks citing a decision and the orders a decision led to, from a durable batch. */
  async committed(result: BatchResult): Promise<void> {
    const counts: DailyCount[] = [];
    for (const { profileId, event } of result.stored) {
      const at = Date.parse(event.timestamp);
      const commerce = event.commerce;
      if (commerce?.name === 'Order Completed') {
        if (result.newOrders?.has(event.messageId) !== true || commerce.currency !== this.deps.currency)
          continue;
        const decision = await this.deps.store.lastDecisionOf(profileId, at - ATTRIBUTION_WINDOW_MS, at);
        if (decision === undefined) continue;
        const amount = commerce.amount ?? 0;
        const day = dayOf(at);
        counts.push({ metric: 'orders', day, slot: '', strategy: '', value: 1 });
        counts.push({ metric: 'revenue', day, slot: '', strategy: '', value: amount });
        const bought = new Set(commerce.products.map((product) => product.productId));
        for (const shown of shownSlots(decision.shown)) {
          if (!shown.productIds.some((id) => bought.has(id))) continue;
          counts.push({
            metric: 'slotRevenue',
            day,
            slot: shown.slot,
            strategy: shown.strategy,
            value: amount,
          });
        }
        continue;
      }
      const cited = event.properties['decision_id'];
      if ((event.event !== 'Product Clicked' && event.event !== 'Product Added') || typeof cited !== 'string')
        continue;
      const decision = await this.deps.store.getDecision(cited);
      const named = event.properties['product_id'];
      const productId = typeof named === 'string' ? named : event.commerce?.products[0]?.productId;
      const shown =
        productId === undefined
          ? undefined
          : decision && shownSlots(decision.shown).find((slot) => slot.productIds.includes(productId));
      if (shown === undefined) continue;
      counts.push({ metric: 'clicks', day: dayOf(at), slot: shown.slot, strategy: shown.strategy, value: 1 });
    }
    if (counts.length > 0) await this.deps.store.addDailyCounts(summed(counts));
  }

  async #holdout(): Promise<HoldoutUplift | undefined> {
    const experiment = this.deps
      .running()
      .find((running) => running.variants.some((variant) => variant.changes.personalization === false));
    if (experiment === undefined) return undefined;
    const { results } = await this.deps.results(experiment.id);
    return holdoutUplift(experiment, results);
  }
}
