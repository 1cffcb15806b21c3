import { ProfileCache } from '../../src/app/profiles/profile-cache.js';
import { customerCacheBytes } from '../../src/config/config.js';
import { applyEvent, createProfile, type TrackedEvent } from '../../src/domain/profiles/index.js';
import { formatNumber, type BenchRow } from '../lib/report.js';
import { asTrackedEvents, syntheticEvents } from '../lib/synthetic-events.js';
import { heapAfterGc } from '../lib/process-stats.js';

const PROFILES = 100_000;
const EVENTS_PER_PROFILE = 8;

/** The profiles' half of the default ATTUNE_CUSTOMER_CACHE_MIB. */
const DEFAULT_PROFILE_BUDGET = customerCacheBytes({ customerCacheMib: 256 }).profiles;

/**
 * Memory of 100,000 profiles held in a node's profile cache, each built from eight storefront events
 * (views, cart changes, an order now and then) through the real domain code: all kept as objects
 * (no budget), and under the default budget, where the least recently used three quarters of it
 * are JSON documents.
 */
export async function profileMemorySuite(): Promise<BenchRow[]> {
  if ((globalThis as { gc?: unknown }).gc === undefined)
    throw new Error('run the benchmarks with node --expose-gc');
  const rows: BenchRow[] = [];
  for (const budget of [Number.POSITIVE_INFINITY, DEFAULT_PROFILE_BUDGET]) {
    const { bytes, held, estimate } = cachedProfilesMemory(budget);
    rows.push({
      suite: 'profiles',
      name: `memory per ${formatNumber(PROFILES)} cached profiles (${EVENTS_PER_PROFILE} events each), ${
        Number.isFinite(budget) ? `a budget of ${formatNumber(budget / 1024 / 1024)} MiB` : 'all objects'
      }`,
      measured: `${formatNumber(bytes / 1024 / 1024)} MiB`,
      note: `${formatNumber(bytes / held)} bytes per profile held; cache holds ${formatNumber(held)}, estimated at ${formatNumber(estimate / 1024 / 1024)} MiB`,
    });
    await Promise.resolve();
  }
  return rows;
}

/** Heap taken by a cache of `budget` bytes filled with the profiles, measured after collections. */
function cachedProfilesMemory(budget: number): { bytes: number; held: number; estimate: number } {
  const productIds = Array.from({ length: 4000 }, (_, index) => String(20000 + index));
  const receivedAt = Date.parse('2026-06-01T00:00:00Z');
  const template = asTrackedEvents(
    syntheticEvents(EVENTS_PER_PROFILE * 1000, productIds, { visitors: 1 }),
    receivedAt,
  );
  const before = heapAfterGc();
  const cache = new ProfileCache(PROFILES, budget);
  for (let index = 0; index < PROFILES; index += 1) {
    let profile = createProfile(`prof_${index}`, '2026-01-01T00:00:00.000Z', { userId: `user-${index}` });
    for (let step = 0; step < EVENTS_PER_PROFILE; step += 1) {
      const event = template[(index * EVENTS_PER_PROFILE + step) % template.length] as TrackedEvent;
      profile = applyEvent(profile, event, {
        productFacts: () => ({ categories: ['home/kitchen/mugs'] }),
        isNewOrder: true,
        fromServer: true,
      });
    }
    cache.putProfile({ profile, version: 1 });
    cache.link({ kind: 'user', value: `user-${index}` }, profile.id);
  }
  return { bytes: heapAfterGc() - before, held: cache.size, estimate: cache.bytes };
}
