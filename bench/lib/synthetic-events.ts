import { readEvent, type TrackedEvent } from '../../src/domain/profiles/index.js';

/**
 * A storefront-like stream of Segment events for ingestion benchmarks: page views, product views,
 * cart changes, identifies and orders over real catalogue product ids, spread over many visitors.
 * Deterministic (seeded), so runs compare.
 */
export function syntheticEvents(
  count: number,
  productIds: readonly string[],
  options: { seed?: number; visitors?: number; start?: number } = {},
): object[] {
  let state = options.seed ?? 42;
  const random = () => {
    // mulberry32: small, fast and seedable.
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const visitors = options.visitors ?? 20_000;
  const start = options.start ?? Date.parse('2026-01-01T00:00:00Z');
  const product = () => productIds[Math.floor(random() * productIds.length)] as string;
  const events: object[] = [];
  for (let index = 0; index < count; index += 1) {
    const visitor = Math.floor(random() * visitors);
    const ids =
      visitor % 2 === 0 ? { userId: `bench-user-${visitor}` } : { anonymousId: `bench-anon-${visitor}` };
    const base = {
      ...ids,
      messageId: `bench-${options.seed ?? 42}-${index}`,
      timestamp: new Date(start + index * 1000).toISOString(),
      context: { channel: 'web', device: { type: random() < 0.6 ? 'mobile' : 'desktop' } },
    };
    const roll = random();
    if (roll < 0.1)
      events.push({
        ...base,
        type: 'identify',
        userId: `bench-user-${visitor}`,
        traits: { email: `visitor${visitor}@example.com`, country: 'GB' },
      });
    else if (roll < 0.3)
      events.push({ ...base, type: 'page', name: 'Category', properties: { path: '/c/kitchen' } });
    else if (roll < 0.7)
      events.push({
        ...base,
        type: 'track',
        event: 'Product Viewed',
        properties: { product_id: product(), price: 2.95, currency: 'GBP' },
      });
    else if (roll < 0.85)
      events.push({
        ...base,
        type: 'track',
        event: 'Product Added',
        properties: { product_id: product(), price: 2.95, quantity: 2 },
      });
    else if (roll < 0.9)
      events.push({
        ...base,
        type: 'track',
        event: 'Product Removed',
        properties: { product_id: product(), quantity: 1 },
      });
    else {
      const products = [1, 2, 3].map(() => ({
        product_id: product(),
        price: Math.round(random() * 2000) / 100,
        quantity: 1 + Math.floor(random() * 4),
      }));
      events.push({
        ...base,
        type: 'track',
        event: 'Order Completed',
        properties: { order_id: `bench-order-${options.seed ?? 42}-${index}`, currency: 'GBP', products },
      });
    }
  }
  return events;
}

/** The events as Attune keeps them (read, validated, money in minor units), for in-process benchmarks. */
export function asTrackedEvents(raws: readonly object[], receivedAt: number): TrackedEvent[] {
  return raws.map((raw) => {
    const result = readEvent(raw, {
      receivedAt,
      storeCurrency: 'GBP',
      fromServer: true,
      fallbackMessageId: 'm',
    });
    if (!result.ok) throw new Error(`synthetic event refused: ${result.problem.code}`);
    return result.event;
  });
}
