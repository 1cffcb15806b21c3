import type { Profile } from './profile.js';

/**
 * Quintile boundaries of the customer base, from which RFM scores (1–5) are read: each list holds the
 * 20th, 40th, 60th and 80th percentiles of that measure among customers with at least one order.
 */
export interface RfmThresholds {
  /** Days since the last order (fewer is better). */
  readonly recencyDays: readonly number[];
  readonly frequency: readonly number[];
  /** Lifetime value in the store currency, minor units. */
  readonly monetary: readonly number[];
}

export interface RfmScore {
  readonly recency: number;
  readonly frequency: number;
  readonly monetary: number;
}

const DAY_MS = 86_400_000;

/** Quintile boundaries of the given customers at `now`, in the store currency. */
export function rfmThresholds(profiles: Iterable<Profile>, currency: string, now: number): RfmThresholds {
  const recency: number[] = [];
  const frequency: number[] = [];
  const monetary: number[] = [];
  for (const profile of profiles) {
    const last = profile.stats.lastOrderAt;
    if (profile.stats.orderCount === 0 || last === undefined) continue;
    recency.push((now - Date.parse(last)) / DAY_MS);
    frequency.push(profile.stats.orderCount);
    monetary.push(profile.stats.lifetimeValue[currency] ?? 0);
  }
  return { recencyDays: quintiles(recency), frequency: quintiles(frequency), monetary: quintiles(monetary) };
}

/** The customer's RFM scores, 5 best; undefined for a customer who never ordered or before thresholds exist. */
export function rfmScore(
  profile: Profile,
  thresholds: RfmThresholds,
  currency: string,
  now: number,
): RfmScore | undefined {
  const last = profile.stats.lastOrderAt;
  if (profile.stats.orderCount === 0 || last === undefined || thresholds.frequency.length === 0)
    return undefined;
  const recencyDays = (now - Date.parse(last)) / DAY_MS;
  return {
    recency: 6 - band(recencyDays, thresholds.recencyDays),
    frequency: band(profile.stats.orderCount, thresholds.frequency),
    monetary: band(profile.stats.lifetimeValue[currency] ?? 0, thresholds.monetary),
  };
}

/** 1 + the number of boundaries strictly below `value`: 1..5. */
function band(value: number, boundaries: readonly number[]): number {
  return 1 + boundaries.filter((boundary) => value > boundary).length;
}

function quintiles(values: number[]): number[] {
  const sorted = values.sort((a, b) => a - b);
  return quintileRanks(sorted.length).map((rank) => sorted[rank] as number);
}

/**
 * Where the quintile boundaries sit among `count` values sorted lowest first: the ranks (0-based)
 * of the 20th, 40th, 60th and 80th percentiles; none for no values.
 */
export function quintileRanks(count: number): number[] {
  if (count <= 0) return [];
  return [0.2, 0.4, 0.6, 0.8].map((q) => Math.min(count - 1, Math.floor(q * count)));
}

/**
 * The values of the customers who ordered at each of {@link quintileRanks}, as a store reads them
 * from its indexes: order counts lowest first, latest orders (epoch ms) latest first, lifetime values
 * in the store currency lowest first (0 for a customer with none in it).
 */
export interface RankedOrderValues {
  readonly orderCounts: readonly number[];
  readonly lastOrdersLatestFirst: readonly number[];
  readonly lifetimeValues: readonly number[];
}

/**
 * The same thresholds as {@link rfmThresholds} from values a store picked at the quintile ranks: the
 * latest orders read latest first are the recencies read fewest days first.
 */
export function rfmThresholdsOfRanked(ranked: RankedOrderValues, now: number): RfmThresholds {
  return {
    recencyDays: ranked.lastOrdersLatestFirst.map((last) => (now - last) / DAY_MS),
    frequency: [...ranked.orderCounts],
    monetary: [...ranked.lifetimeValues],
  };
}
