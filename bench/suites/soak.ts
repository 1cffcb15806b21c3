import { residentMiB } from '../lib/process-stats.js';
import { formatNumber, type BenchRow } from '../lib/report.js';
import {
  customerId,
  seededRandom,
  shopBatches,
  shopProduct,
  zipfSampler,
  type ShopSize,
} from '../lib/scale-shop.js';
import { sqliteBenchStore } from '../lib/scale-stores.js';
import { startServerProcess, type ServerProcess } from '../lib/server-process.js';
import { runSteadyTraffic, type TrafficKind } from '../lib/steady-traffic.js';

const SECRET = 'sk_bench_secret_key_0123456789abcdef';
/**
 * The shop the node holds before the soak starts: a few thousand products, Zipf customers, and a
 * history past the 200,000 event ids the recommendations learner remembers, so that bounded memory
 * is full before the soak rather than filling during it (with 40,000 events it still grew by
 * 100 events/s, and the heap by a quarter over 10 minutes).
 */
const SHOP: ShopSize = { name: 'soak', events: 210_000, customers: 10_000, products: 3_000 };
const PRELOAD_BATCH = 400;
const LIVE_BATCH = 25;
const SAMPLE_SECONDS = 10;
/** Every how many samples a full collection comes first (once a minute). */
const COLLECT_EVERY = 6;
/** Requests per second of each kind: well below what the shared 2-core machine serves. */
const RATES = { batch: 4, decide: 5, forYou: 5, product: 10, listing: 4, prices: 4 };
const LISTING_CATEGORIES = ['home', 'kitchen', 'garden', 'seasonal', 'bags', 'toys-games'];

const headers = { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' };

interface MemorySample {
  readonly atSeconds: number;
  readonly rssMiB: number;
  /** V8's used heap, from the node's own /metrics (undefined when it could not be read). */
  readonly heapMiB: number | undefined;
}

async function post(url: string, path: string, body: object): Promise<void> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
}

/** The catalogue, then the shop's history through /v1/batch (2 senders). */
async function preload(url: string): Promise<void> {
  for (let first = 0; first < SHOP.products; first += 1_000) {
    const items = Array.from({ length: Math.min(1_000, SHOP.products - first) }, (_, offset) =>
      shopProduct(first + offset),
    );
    await post(url, '/v1/products:batch', { items });
  }
  const batches = shopBatches(SHOP, PRELOAD_BATCH, 11);
  await Promise.all(
    [0, 1].map(async () => {
      for (let next = batches.next(); next.done !== true; next = batches.next())
        await post(url, '/v1/batch', JSON.parse(next.value) as object);
    }),
  );
}

async function heapUsedMiB(url: string): Promise<number | undefined> {
  try {
    const text = await (await fetch(`${url}/metrics`, { headers })).text();
    const match = /^attune_nodejs_heap_size_used_bytes\s+([\d.e+]+)/m.exec(text);
    return match === null ? undefined : Number(match[1]) / 1024 / 1024;
  } catch {
    return undefined;
  }
}

/** The mixed traffic: live events (views, adds, orders), decide, for-you, product reads, listings, prices. */
function trafficKinds(): TrafficKind[] {
  const random = seededRandom(2026);
  const customer = zipfSampler(SHOP.customers, 0.9, random);
  const product = zipfSampler(SHOP.products, 1.0, random);
  let message = 0;
  const liveEvent = (): object => {
    message += 1;
    const base = {
      type: 'track',
      userId: customerId(customer()),
      messageId: `soak-${message}`,
      timestamp: new Date().toISOString(),
    };
    const roll = random();
    if (roll < 0.7)
      return {
        ...base,
        event: 'Product Viewed',
        properties: { product_id: `p${product()}`, currency: 'GBP' },
      };
    if (roll < 0.9)
      return { ...base, event: 'Product Added', properties: { product_id: `p${product()}`, quantity: 1 } };
    const products = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
      product_id: `p${product()}`,
      price: 5,
      quantity: 1,
    }));
    return {
      ...base,
      event: 'Order Completed',
      properties: { order_id: `soak-order-${message}`, currency: 'GBP', products },
    };
  };
  const json = (path: string, body: object) => ({ path, body: JSON.stringify(body) });
  return [
    {
      name: `event batch (${LIVE_BATCH} events: 70 % views, 20 % adds, 10 % orders)`,
      perSecond: RATES.batch,
      next: () => json('/v1/batch', { batch: Array.from({ length: LIVE_BATCH }, liveEvent) }),
    },
    {
      name: 'decide (category page, for-you and similar slots)',
      perSecond: RATES.decide,
      next: () =>
        json('/v1/decide', {
          userId: customerId(customer()),
          context: { channel: 'web', country: 'GB', page: { type: 'category' } },
          listing: { category: 'home', limit: 24 },
          recommendations: [
            { slot: 'for-you', strategy: 'for-you', limit: 8 },
            { slot: 'similar', strategy: 'similar', productId: `p${product()}`, limit: 8 },
          ],
        }),
    },
    {
      name: 'for-you recommendations',
      perSecond: RATES.forYou,
      next: () =>
        json('/v1/recommendations', { strategy: 'for-you', userId: customerId(customer()), limit: 8 }),
    },
    { name: 'product read', perSecond: RATES.product, next: () => ({ path: `/v1/products/p${product()}` }) },
    {
      name: 'product listing (24 of a category)',
      perSecond: RATES.listing,
      next: () => ({
        path: `/v1/products?category=${LISTING_CATEGORIES[Math.floor(random() * LISTING_CATEGORIES.length)]}&limit=24`,
      }),
    },
    {
      name: 'prices:resolve (3 lines)',
      perSecond: RATES.prices,
      next: () =>
        json('/v1/prices:resolve', {
          userId: customerId(customer()),
          currency: 'GBP',
          items: [0, 1, 2].map((line) => ({ productId: `p${product()}`, quantity: 1 + line })),
        }),
    },
  ];
}

/** Least-squares slope of RSS over time, MiB per minute. */
function slopePerMinute(samples: readonly MemorySample[]): number {
  if (samples.length < 2) return 0;
  const meanT = samples.reduce((sum, s) => sum + s.atSeconds, 0) / samples.length;
  const meanR = samples.reduce((sum, s) => sum + s.rssMiB, 0) / samples.length;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.atSeconds - meanT) * (s.rssMiB - meanR);
    den += (s.atSeconds - meanT) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 60;
}

/** Memory as the soak went: every 10 s as it is, and once a minute just after a full collection. */
interface MemorySeries {
  readonly raw: MemorySample[];
  readonly collected: MemorySample[];
}

/** Samples every 10 s (a full collection first on every 6th) until `stop` is called. */
function sampleMemory(node: ServerProcess): { series: MemorySeries; stop: () => Promise<void> } {
  const series: MemorySeries = { raw: [], collected: [] };
  let tick = 0;
  const sample = async (final = false) => {
    // Nominal times, so the sample at the end of warm-up is the one taken at its mark.
    const atSeconds = tick * SAMPLE_SECONDS;
    const collect = final || tick % COLLECT_EVERY === 0;
    tick += 1;
    const raw = { atSeconds, rssMiB: residentMiB(node.pid), heapMiB: await heapUsedMiB(node.url) };
    series.raw.push(raw);
    let line = `  soak ${atSeconds} s: RSS ${formatNumber(raw.rssMiB)} MiB, heap ${formatNumber(raw.heapMiB ?? 0)} MiB`;
    if (collect) {
      const heapMiB = await node.collectGarbage();
      const collected = { atSeconds, rssMiB: residentMiB(node.pid), heapMiB };
      series.collected.push(collected);
      line += `; after a full GC: RSS ${formatNumber(collected.rssMiB)} MiB, heap ${formatNumber(heapMiB ?? 0)} MiB`;
    }
    console.error(line);
  };
  let last = sample(true);
  const timer = setInterval(() => {
    last = last.then(() => sample());
  }, SAMPLE_SECONDS * 1000);
  return {
    series,
    // The last sample always after a full collection, so the run's end is read like its warm-up.
    stop: async () => {
      clearInterval(timer);
      await last.then(() => sample(true));
    },
  };
}

/**
 * A soak: a node on the embedded store in its own process, holding a synthetic shop, under steady
 * mixed traffic for `ATTUNE_BENCH_SOAK_MINUTES` (10 by default). Its RSS and V8 heap are sampled
 * every 10 s, and once a minute just after a full collection (what is still in use, without the
 * garbage V8 lets pile up between its own collections); the first fifth of the run, at most 2
 * minutes, is warm-up. `ATTUNE_BENCH_SOAK_NODE_FLAGS` passes more Node flags to the node.
 */
export async function soakSuite(): Promise<BenchRow[]> {
  const minutes = Number(process.env['ATTUNE_BENCH_SOAK_MINUTES'] ?? '10');
  const warmUpSeconds = Math.min(120, Math.round(minutes * 1.2) * 10);
  const store = sqliteBenchStore();
  // More flags to look inside the node: `--heapsnapshot-signal=SIGUSR2`, say.
  const flags = (process.env['ATTUNE_BENCH_SOAK_NODE_FLAGS'] ?? '').split(' ').filter(Boolean);
  const node = await startServerProcess(
    'attune-node',
    { ...store.env, ATTUNE_DEMO: '0', ATTUNE_SECRET_KEY: SECRET, LOG_LEVEL: 'warn' },
    ['--expose-gc', ...flags],
  );
  try {
    console.error(`soak: loading the shop (${formatNumber(SHOP.events)} events)...`);
    await preload(node.url);
    const sampler = sampleMemory(node);
    const figures = await runSteadyTraffic({
      url: node.url,
      headers,
      kinds: trafficKinds(),
      seconds: minutes * 60,
    }).finally(() => sampler.stop());
    return soakRows(minutes, warmUpSeconds, sampler.series, figures);
  } finally {
    await node.stop();
    await store.drop();
  }
}

const row = (name: string, measured: string, reference?: string, note?: string): BenchRow => ({
  suite: 'soak',
  name,
  measured,
  ...(reference !== undefined && { reference }),
  ...(note !== undefined && { note }),
});
const mib = (value: number) => `${formatNumber(value)} MiB`;
const signed = (value: number) => `${value >= 0 ? '+' : ''}${formatNumber(value, 1)} %`;

/** One figure of a series: at the end of warm-up, then min / max / last after it, and the drift. */
function seriesRows(
  label: string,
  values: readonly { atSeconds: number; value: number | undefined }[],
  warmUpSeconds: number,
  note: string,
): BenchRow[] {
  const known = values.filter((v): v is { atSeconds: number; value: number } => v.value !== undefined);
  const atWarmUp = [...known].reverse().find((v) => v.atSeconds <= warmUpSeconds);
  const after = known.filter((v) => v.atSeconds > warmUpSeconds).map((v) => v.value);
  if (atWarmUp === undefined || after.length === 0) return [row(label, 'too few samples')];
  const drift = (value: number) => ((value - atWarmUp.value) / atWarmUp.value) * 100;
  // The sample furthest from the warm-up figure, either way.
  const worst = after.map(drift).reduce((far, value) => (Math.abs(value) > Math.abs(far) ? value : far), 0);
  const last = after[after.length - 1] as number;
  return [
    row(
      `${label}: end of warm-up (${atWarmUp.atSeconds} s) → min / max / last after it`,
      `${mib(atWarmUp.value)} → ${formatNumber(Math.min(...after))} / ${formatNumber(Math.max(...after))} / ${mib(last)}`,
      undefined,
      `${after.length} samples after warm-up; ${note}`,
    ),
    row(
      `${label}: drift after warm-up, last / worst`,
      `${signed(drift(last))} / ${signed(worst)}`,
      'within ± 10 %',
    ),
  ];
}

function soakRows(
  minutes: number,
  warmUpSeconds: number,
  series: MemorySeries,
  figures: Awaited<ReturnType<typeof runSteadyTraffic>>,
): BenchRow[] {
  const afterWarmUp = series.raw.filter((s) => s.atSeconds > warmUpSeconds);
  const totalSent = figures.reduce((sum, kind) => sum + kind.sent, 0);
  const rows = [
    row(
      'shop and run',
      `${minutes} min, warm-up ${warmUpSeconds} s`,
      undefined,
      `SQLite, ${formatNumber(SHOP.products)} products, ${formatNumber(SHOP.customers)} Zipf customers, ${formatNumber(SHOP.events)} events preloaded`,
    ),
    ...seriesRows(
      'RSS after a full GC',
      series.collected.map((s) => ({ atSeconds: s.atSeconds, value: s.rssMiB })),
      warmUpSeconds,
      'once a minute',
    ),
    ...seriesRows(
      'V8 heap used after a full GC',
      series.collected.map((s) => ({ atSeconds: s.atSeconds, value: s.heapMiB })),
      warmUpSeconds,
      'once a minute',
    ),
    ...seriesRows(
      'RSS as sampled',
      series.raw.map((s) => ({ atSeconds: s.atSeconds, value: s.rssMiB })),
      warmUpSeconds,
      `every ${SAMPLE_SECONDS} s, between V8's own collections too; slope ${formatNumber(slopePerMinute(afterWarmUp), 2)} MiB/min`,
    ),
    row(
      'request errors (non-2xx or failed) / requests sent',
      `${formatNumber(figures.reduce((sum, kind) => sum + kind.errors, 0))} / ${formatNumber(totalSent)}`,
      '0 errors',
      `skipped (64 of a kind in flight): ${formatNumber(figures.reduce((sum, kind) => sum + kind.skipped, 0))}`,
    ),
  ];
  for (const kind of figures)
    rows.push(
      row(
        `p99: ${kind.name}`,
        `p99 ${formatNumber(kind.p99Ms, 1)} ms, p50 ${formatNumber(kind.p50Ms, 1)} ms`,
        undefined,
        `${formatNumber(kind.sent / (minutes * 60), 1)} req/s, ${formatNumber(kind.errors)} errors`,
      ),
    );
  return rows;
}
