/**
 * A seeded synthetic shop for the scale benchmark: a catalogue, and a stream of behaviour events from
 * customers whose activity follows a Zipf-like law (a few customers very active, a long tail seen
 * once or twice): 70 % product views, 20 % adds to cart, 10 % orders, products Zipf-popular too.
 * Batches are made on demand, so a 3M-event history never sits in the benchmark's memory.
 */

/** One history size of the scale benchmark. */
export interface ShopSize {
  readonly name: string;
  readonly events: number;
  readonly customers: number;
  readonly products: number;
}

/**
 * S, M and L are the histories; XL is its memory aim's shop (1M customers, 100k products;
 * 3M events reach some 585,000 of the customers under the Zipf law); XXL is the same shop at the
 * issue's 10M stored events, for `restart-timing.js` (too long for the suite); XS is for a quick check
 * of the benchmark itself.
 */
export const SHOP_SIZES: Record<string, ShopSize> = {
  XS: { name: 'XS', events: 20_000, customers: 2_000, products: 500 },
  S: { name: 'S', events: 200_000, customers: 20_000, products: 5_000 },
  M: { name: 'M', events: 1_000_000, customers: 100_000, products: 20_000 },
  L: { name: 'L', events: 3_000_000, customers: 300_000, products: 50_000 },
  XL: { name: 'XL', events: 3_000_000, customers: 1_000_000, products: 100_000 },
  XXL: { name: 'XXL', events: 10_000_000, customers: 1_000_000, products: 100_000 },
};

const CATEGORIES = [
  'home/decor',
  'home/lighting',
  'kitchen/tableware',
  'kitchen/storage',
  'garden/tools',
  'seasonal/christmas',
  'bags/totes',
  'toys-games/puzzles',
];

/** mulberry32: small, fast and seedable. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws ranks 0..n-1 with probability ∝ 1 / (rank + 1)^exponent. */
export function zipfSampler(n: number, exponent: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank += 1) {
    total += 1 / (rank + 1) ** exponent;
    cumulative[rank] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** The price of product `index` in minor units (deterministic, 1.00 to 50.99). */
function priceOf(index: number): number {
  return 100 + ((index * 7919) % 4_999);
}

/** Product `index` of the shop, as `POST /v1/products:batch` takes it. */
export function shopProduct(index: number, idPrefix = 'p'): object {
  return {
    id: `${idPrefix}${index}`,
    title: `Product ${index} in style ${index % 41}`,
    categories: [CATEGORIES[index % CATEGORIES.length] as string],
    brand: `brand-${index % 200}`,
    price: { amount: priceOf(index), currency: 'GBP' },
  };
}

/** The customer id of a rank (rank 0 is the most active customer). */
export function customerId(rank: number): string {
  return `c${rank}`;
}

/**
 * The shop's events in batches of `batchSize`, each a `/v1/batch` body, made on demand.
 * Deterministic for a size and seed.
 */
export function* shopBatches(size: ShopSize, batchSize: number, seed = 7): Generator<string> {
  const random = seededRandom(seed);
  const customer = zipfSampler(size.customers, 0.9, random);
  const product = zipfSampler(size.products, 1.0, random);
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let first = 0; first < size.events; first += batchSize) {
    const batch: object[] = [];
    for (let index = first; index < Math.min(size.events, first + batchSize); index += 1) {
      const userId = customerId(customer());
      const base = {
        userId,
        messageId: `scale-${seed}-${index}`,
        timestamp: new Date(start + index * 250).toISOString(),
        type: 'track',
      };
      const roll = random();
      if (roll < 0.7) {
        const id = product();
        batch.push({
          ...base,
          event: 'Product Viewed',
          properties: { product_id: `p${id}`, price: priceOf(id) / 100, currency: 'GBP' },
        });
      } else if (roll < 0.9) {
        const id = product();
        batch.push({
          ...base,
          event: 'Product Added',
          properties: { product_id: `p${id}`, price: priceOf(id) / 100, quantity: 1 },
        });
      } else {
        const lines = 1 + Math.floor(random() * 3);
        const products = Array.from({ length: lines }, () => {
          const id = product();
          return { product_id: `p${id}`, price: priceOf(id) / 100, quantity: 1 + Math.floor(random() * 2) };
        });
        batch.push({
          ...base,
          event: 'Order Completed',
          properties: { order_id: `scale-order-${seed}-${index}`, currency: 'GBP', products },
        });
      }
    }
    yield JSON.stringify({ batch });
  }
}
