import type { Experiment } from '../experiments/index.js';
import type { ExperimentResults } from '../experiments/statistics/index.js';
import { ctrOf, type DailyCount, type DailyMetric } from './daily.js';

export interface SlotOutcome {
  readonly slot: string;
  readonly strategy: string;
  readonly impressions: number;
  readonly clicks: number;
  readonly ctr: number;
  readonly attributedRevenue: number;
}

export interface HoldoutUplift {
  readonly experimentId: string;
  readonly metric: string;
  /** Relative effect of personalisation over the holdout: 0.12 is +12 %. */
  readonly uplift: number;
  readonly ci95: readonly [number, number];
}

export interface Overview {
  readonly impressions: number;
  readonly clicks: number;
  readonly ctr: number;
  readonly attributedOrders: number;
  readonly attributedRevenue: number;
  readonly discountCost: number;
  readonly discountByPromotion: readonly { readonly promotionId: string; readonly discountCost: number }[];
  readonly bySlot: readonly SlotOutcome[];
}

/** The dashboard's totals from the counters of a time range (see {@link DailyCount}). */
export function overviewOf(counts: readonly DailyCount[]): Overview {
  const total = (metric: DailyMetric) =>
    counts.filter((count) => count.metric === metric).reduce((sum, count) => sum + count.value, 0);
  const slots = new Map<string, { slot: string; strategy: string } & Record<DailyMetric, number>>();
  for (const count of counts) {
    if (!['impressions', 'clicks', 'slotRevenue'].includes(count.metric)) continue;
    const key = `${count.slot}\u0000${count.strategy}`;
    const entry = slots.get(key) ?? {
      slot: count.slot,
      strategy: count.strategy,
      impressions: 0,
      clicks: 0,
      orders: 0,
      revenue: 0,
      slotRevenue: 0,
      discount: 0,
      segmentSize: 0,
    };
    entry[count.metric] += count.value;
    slots.set(key, entry);
  }
  const impressions = total('impressions');
  const clicks = total('clicks');
  return {
    impressions,
    clicks,
    ctr: ctrOf(clicks, impressions),
    attributedOrders: total('orders'),
    attributedRevenue: total('revenue'),
    discountCost: total('discount'),
    discountByPromotion: counts
      .filter((count) => count.metric === 'discount')
      .map((count) => ({ promotionId: count.slot, discountCost: count.value }))
      .sort((a, b) => (a.promotionId < b.promotionId ? -1 : a.promotionId > b.promotionId ? 1 : 0)),
    bySlot: [...slots.values()]
      .map((entry) => ({
        slot: entry.slot,
        strategy: entry.strategy,
        impressions: entry.impressions,
        clicks: entry.clicks,
        ctr: ctrOf(entry.clicks, entry.impressions),
        attributedRevenue: entry.slotRevenue,
      }))
      .sort((a, b) => `${a.slot}\u0000${a.strategy}`.localeCompare(`${b.slot}\u0000${b.strategy}`)),
  };
}

/**
 * Personalisation's uplift from an experiment with a holdout variant (`personalization: false`), on
 * the experiment's metric. Results compare each variant with the first (the control): when the
 * holdout is the control, the first personalised variant's comparison is the uplift; otherwise the
 * holdout's comparison r (holdout/control − 1) is inverted, 1/(1 + r) − 1, bounds too (the map is
 * monotone). `undefined` without a holdout or without a comparison yet.
 */
export function holdoutUplift(experiment: Experiment, results: ExperimentResults): HoldoutUplift | undefined {
  const holdoutIndex = experiment.variants.findIndex((variant) => variant.changes.personalization === false);
  if (holdoutIndex < 0) return undefined;
  const base = { experimentId: experiment.id, metric: experiment.metric };
  if (holdoutIndex === 0) {
    const compared = results.variants.slice(1).find((variant) => variant.vsControl !== undefined)?.vsControl;
    return compared && { ...base, uplift: compared.uplift, ci95: compared.ci95 };
  }
  const compared = results.variants[holdoutIndex]?.vsControl;
  if (compared === undefined || compared.ci95[0] <= -1) return undefined;
  const invert = (r: number) => 1 / (1 + r) - 1;
  return {
    ...base,
    uplift: invert(compared.uplift),
    ci95: [invert(compared.ci95[1]), invert(compared.ci95[0])],
  };
}
