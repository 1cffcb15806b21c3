import { ProfileCache } from '../../src/app/profiles/profile-cache.js';
import { customerCacheBytes } from '../../src/config/config.js';
import { applyEvent, createProfile, type TrackedEvent } from '../../src/domain/profiles/index.js';
import { formatNumber, type BenchRow } from '../lib/report.js';
import { asTrackedEvents, syntheticEvents } from '../lib/synthetic-events.js';
import { heapAfterGc } from '../lib/process-stats.js';

/** A profile's history: how many profiles, of how many events, and the taxonomy its products have. */
interface Shape {
  readonly profiles: number;
  readonly events: number;
  /** Distinct brands and leaf categories the products fall into (the scale shop's: 200 and 8). */
  readonly brands: number;
  readonly categories: number;
}

/** Short histories in one category, and long ones over many brands, as the XL shop's busiest leave. */
const SHAPES: readonly Shape[] = [
  { profiles: 100_000, events: 8, brands: 0, categories: 1 },
  { profiles: 20_000, events: 64, brands: 200, categories: 8 },
];

/** The profiles' half of the default ATTUNE_CUSTOMER_CACHE_MIB. */
const DEFAULT_PROFILE_BUDGET = customerCacheBytes({ customerCacheMib: 256 }).profiles;

/**
 * Memory of profiles held in a node's profile cache against the cache's estimate, each built from
 * storefront events (views, cart changes, an order now and then) through the real domain code:
 * 100,000 of eight events in one category, and 20,000 of 64 events over many brands and categories
 * (their affinity maps full, as long histories leave them). All kept as objects (no budget), and
 * under the default budget, where the least recently used three quarters of it are JSON documents.
 */
export async function profileMemorySuite(): Promise<BenchRow[]> {
  if ((globalThis as { gc?: unknown }).gc === undefined)
    throw new Error('run the benchmarks with node --expose-gc');
  const rows: BenchRow[] = [];
  for (const shape of SHAPES) {
    for (const budget of [Number.POSITIVE_INFINITY, DEFAULT_PROFILE_BUDGET]) {
      const { bytes, held, estimate } = cachedProfilesMemory(shape, budget);
      rows.push({
        suite: 'profiles',
        name: `memory per ${formatNumber(shape.profiles)} cached profiles (${shape.events} events each${
          shape.brands > 0 ? `, ${shape.brands} brands, ${shape.categories} categories` : ''
        }), ${Number.isFinite(budget) ? `a budget of ${formatNumber(budget / 1024 / 1024)} MiB` : 'all objects'}`,
        measured: `${formatNumber(bytes / 1024 / 1024)} MiB`,
        note: `${formatNumber(bytes / held)} bytes per profile held; cache holds ${formatNumber(held)}, estimated at ${formatNumber(estimate / 1024 / 1024)} MiB (heap ÷ estimate ${(bytes / estimate).toFixed(2)})`,
      });
      await Promise.resolve();
    }
  }
  return rows;
}

/** Heap taken by a cache of `budget` bytes filled with the profiles, measured after collections. */
function cachedProfilesMemory(
  shape: Shape,
  budget: number,
): { bytes: number; held: number; estimate: number } {
  const productIds = Array.from({ length: 4000 }, (_, index) => String(20000 + index));
  const receivedAt = Date.parse('2026-06-01T00:00:00Z');
  const template = asTrackedEvents(
    syntheticEvents(shape.events * 1000, productIds, { visitors: 1 }),
    receivedAt,
  );
  const taxonomy = new Map(
    productIds.map((id, index) => [
      id,
      shape.brands === 0
        ? { categories: ['home/kitchen/mugs'] }
        : { categories: [`home/room-${index % shape.categories}`], brand: `brand-${index % shape.brands}` },
    ]),
  );
  const productFacts = (productId: string) => taxonomy.get(productId);
  const before = heapAfterGc();
  const cache = new ProfileCache(shape.profiles, budget);
  for (let index = 0; index < shape.profiles; index += 1) {
    let profile = createProfile(`prof_${index}`, '2026-01-01T00:00:00.000Z', { userId: `user-${index}` });
    for (let step = 0; step < shape.events; step += 1) {
      const event = template[(index * shape.events + step) % template.length] as TrackedEvent;
      profile = applyEvent(profile, event, { productFacts, isNewOrder: true, fromServer: true });
    }
    cache.putProfile({ profile, version: 1 });
    cache.link({ kind: 'user', value: `user-${index}` }, profile.id);
  }
  return { bytes: heapAfterGc() - before, held: cache.size, estimate: cache.bytes };
}
