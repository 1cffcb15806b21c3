import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PriceIndex, draftPriceList, resolvePrice, type PriceList } from '../../src/domain/pricing/index.js';
import type { MatchableProduct, Money } from '../../src/domain/shared/index.js';
import { runLoad } from '../lib/load.js';
import { formatNumber, median, type BenchRow } from '../lib/report.js';
import { startServerProcess } from '../lib/server-process.js';
import { syntheticPriceLists } from '../lib/synthetic-price-lists.js';

const SECRET = 'sk_bench_secret_key_0123456789abcdef';
const PRODUCTS = 4_000;
const CATEGORIES = [
  'home/decor',
  'kitchen/tableware',
  'garden',
  'seasonal/christmas',
  'bags',
  'toys-games',
  'stationery/writing',
  'jewellery',
];

type Product = MatchableProduct & { price: Money; cost?: Money };

const products: Product[] = Array.from({ length: PRODUCTS }, (_, index) => ({
  id: `p${index}`,
  price: { amount: 1000 + (index % 50) * 10, currency: 'GBP' },
  cost: { amount: 500, currency: 'GBP' },
  categories: [CATEGORIES[index % CATEGORIES.length] as string],
  attributes: {},
}));

/** Item resolutions per second in the pure module, explanations included, on one core. */
function resolutionsPerSecond(listCount: number): number {
  const lists: PriceList[] = syntheticPriceLists(listCount, PRODUCTS).map(({ id, input }) => ({
    ...draftPriceList(id, input),
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
  }));
  const index = new PriceIndex(lists, () => false);
  const request = {
    currency: 'GBP',
    customer: {
      segments: new Set(['segment-0', 'segment-5', 'vip']),
      companyId: 'company-1',
      loyaltyTier: 'gold',
      channel: 'web',
      country: 'gb',
      userId: 'u-1',
    },
    now: Date.parse('2026-06-01T00:00:00Z'),
    minMarginPercent: 10,
    loyaltyPerk: { tier: 'gold', percentOff: 2 },
  };
  for (const product of products) index.candidates(product);
  const rounds = 100;
  let checksum = 0;
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    for (const product of products) {
      const result = resolvePrice(product, 1 + (round % 50), request, index.candidates(product));
      if (result.ok) checksum += result.final.amount + result.applied.length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (checksum === 0) throw new Error('nothing resolved');
  return (rounds * PRODUCTS) / seconds;
}

/** `POST /v1/prices:resolve` with 48 items, over HTTP, for a customer in segments with a contract and a tier. */
async function resolveOverHttp(runs: number): Promise<{ p50: number; p99: number; rate: number }[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-pricing-'));
  const server = await startServerProcess('attune-node', {
    DATA_DIR: dataDir,
    ATTUNE_DEMO: '0',
    ATTUNE_SECRET_KEY: SECRET,
  });
  const headers = { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' };
  try {
    for (let start = 0; start < PRODUCTS; start += 1000) {
      const items = products.slice(start, start + 1000).map((product) => ({
        id: product.id,
        title: product.id,
        categories: product.categories,
        price: product.price,
        cost: product.cost,
      }));
      await fetch(`${server.url}/v1/products:batch`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ items }),
      });
    }
    for (const { id, input } of syntheticPriceLists(100, PRODUCTS)) {
      await fetch(`${server.url}/v1/price-lists/${id}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify(input),
      });
    }
    await fetch(`${server.url}/v1/identify`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        userId: 'bench-buyer',
        traits: { company: { id: 'company-1' }, country: 'GB' },
      }),
    });
    const body = JSON.stringify({
      userId: 'bench-buyer',
      context: { channel: 'web', country: 'GB' },
      currency: 'GBP',
      items: Array.from({ length: 48 }, (_, index) => ({
        productId: `p${index * 83}`,
        quantity: 1 + (index % 13),
      })),
    });
    const results = [];
    for (let run = 0; run < runs; run += 1) {
      // One connection: the latency of a call, not of a queue. Then eight, for throughput.
      const single = await runLoad({
        url: `${server.url}/v1/prices:resolve`,
        method: 'POST',
        headers,
        body,
        connections: 1,
        durationSeconds: 5,
      });
      const busy = await runLoad({
        url: `${server.url}/v1/prices:resolve`,
        method: 'POST',
        headers,
        body,
        connections: 8,
        durationSeconds: 5,
      });
      if (single.non2xx + busy.non2xx > 0) throw new Error('resolve calls failed');
      results.push({ p50: single.p50Ms, p99: single.p99Ms, rate: busy.requestsPerSecond });
    }
    return results;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function pricingSuite(runs: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const count of [10, 100, 1000]) {
    const rates = Array.from({ length: runs }, () => resolutionsPerSecond(count));
    rows.push({
      suite: 'pricing',
      name: `item resolutions/s, pure module, ${formatNumber(count)} active price lists`,
      measured: `${formatNumber(median(rates))} /s`,
      ...(count === 100 && { reference: 'aim ≥ 1,000,000 /s per core' }),
      note: `${formatNumber(PRODUCTS)} products, explanations included; runs: ${rates.map((rate) => formatNumber(rate)).join(', ')}`,
    });
  }
  const http = await resolveOverHttp(runs);
  rows.push({
    suite: 'pricing',
    name: 'POST /v1/prices:resolve, 48 items, 100 lists, 1 connection',
    measured: `p50 ${formatNumber(median(http.map((run) => run.p50)), 1)} ms, p99 ${formatNumber(median(http.map((run) => run.p99)), 1)} ms`,
    reference: 'aim p99 < 2 ms',
    note: `${formatNumber(median(http.map((run) => run.rate)))} req/s with 8 connections`,
  });
  return rows;
}
