import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../adapters/clock/manual-clock.js';
import { createProfile, type Profile } from '../../domain/profiles/index.js';
import type { RankedOrderValues } from '../../domain/profiles/index.js';
import { CustomerStatistics } from './customer-statistics.js';

const NOW = Date.parse('2026-03-01T00:00:00.000Z');

function customer(id: string, orders: number, spent: number, daysAgo: number): Profile {
  const profile = createProfile(id, '2025-01-01T00:00:00.000Z', { userId: id });
  const lastOrderAt = new Date(NOW - daysAgo * 86_400_000).toISOString();
  return {
    ...profile,
    stats: {
      ...profile.stats,
      orderCount: orders,
      ordersByCurrency: { GBP: orders },
      lifetimeValue: { GBP: spent },
      lastOrderAt,
    },
  };
}

/** What a store answers, picked from every profile held in memory (test/contract checks the stores). */
function rankedInMemory(
  profiles: readonly Profile[],
  currency: string,
  ranksOf: (count: number) => readonly number[],
): RankedOrderValues {
  const ordered = profiles.filter((p) => p.stats.orderCount > 0 && p.stats.lastOrderAt !== undefined);
  const ranks = ranksOf(ordered.length);
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  const counts = sorted(ordered.map((p) => p.stats.orderCount));
  const lasts = sorted(ordered.map((p) => Date.parse(p.stats.lastOrderAt as string))).reverse();
  const values = sorted(ordered.map((p) => p.stats.lifetimeValue[currency] ?? 0));
  return {
    orderCounts: ranks.map((rank) => counts[rank] as number),
    lastOrdersLatestFirst: ranks.map((rank) => lasts[rank] as number),
    lifetimeValues: ranks.map((rank) => values[rank] as number),
  };
}

describe('CustomerStatistics', () => {
  it('gives no RFM score until refreshed, then scores customers against the whole base', async () => {
    const base = [
      customer('a', 1, 1_000, 300),
      customer('b', 2, 5_000, 100),
      customer('c', 5, 20_000, 30),
      customer('d', 9, 60_000, 7),
      customer('e', 20, 200_000, 1),
      createProfile('browser', '2026-01-01T00:00:00.000Z', { anonymousId: 'x' }),
    ];
    const settings = new Map<string, string>();
    const store = {
      rankedOrderValues: async (currency: string, ranksOf: (count: number) => readonly number[]) =>
        rankedInMemory(base, currency, ranksOf),
      getSetting: async (key: string) => settings.get(key),
      setSetting: async (key: string, value: string) => void settings.set(key, value),
    };
    const statistics = new CustomerStatistics({
      store,
      clock: new ManualClock(NOW),
      currency: 'GBP',
      consentDefault: 'granted',
    });
    const best = base[4] as Profile;
    expect(statistics.computedOf(best, NOW).rfm).toBeNull();
    await statistics.refresh();
    expect(statistics.rfm().frequency.length).toBeGreaterThan(0);
    const worst = statistics.computedOf(base[0] as Profile, NOW).rfm;
    const top = statistics.computedOf(best, NOW).rfm;
    expect(top?.frequency).toBeGreaterThan(worst?.frequency ?? Infinity);
    expect(top?.monetary).toBeGreaterThan(worst?.monetary ?? Infinity);
    expect(top?.recency).toBeGreaterThan(worst?.recency ?? Infinity);

    // A node starting later takes the stored quintiles without scanning the base.
    const later = new CustomerStatistics({
      store: { ...store, rankedOrderValues: () => Promise.reject(new Error('no read')) },
      clock: new ManualClock(NOW),
      currency: 'GBP',
      consentDefault: 'granted',
    });
    expect(await later.restore()).toBe(true);
    expect(later.rfm()).toEqual(statistics.rfm());
    settings.set('statistics.rfm', '{"recencyDays":"x"}');
    expect(await later.restore()).toBe(false);
  });
});
