import { ProfileCache } from '../../src/app/profiles/profile-cache.js';
import { applyEvent, createProfile, type TrackedEvent } from '../../src/domain/profiles/index.js';
import { formatNumber, type BenchRow } from '../lib/report.js';
import { asTrackedEvents, syntheticEvents } from '../lib/synthetic-events.js';

const PROFILES = 100_000;
const EVENTS_PER_PROFILE = 8;

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

/**
 * Memory of 100,000 profiles held in a node's profile cache, each built from eight storefront events
 * (views, cart changes, an order now and then) through the real domain code.
 */
export async function profileMemorySuite(): Promise<BenchRow[]> {
  if ((globalThis as { gc?: unknown }).gc === undefined)
    throw new Error('run the benchmarks with node --expose-gc');
  const productIds = Array.from({ length: 4000 }, (_, index) => String(20000 + index));
  const receivedAt = Date.parse('2026-06-01T00:00:00Z');
  const template = asTrackedEvents(
    syntheticEvents(EVENTS_PER_PROFILE * 1000, productIds, { visitors: 1 }),
    receivedAt,
  );

  const before = heapUsed();
  const cache = new ProfileCache(PROFILES);
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
  const bytes = heapUsed() - before;
  await Promise.resolve();
  return [
    {
      suite: 'profiles',
      name: `memory per ${formatNumber(PROFILES)} cached profiles (${EVENTS_PER_PROFILE} events each)`,
      measured: `${formatNumber(bytes / 1024 / 1024)} MiB`,
      note: `${formatNumber(bytes / PROFILES)} bytes per profile; cache holds ${formatNumber(cache.size)}`,
    },
  ];
}
