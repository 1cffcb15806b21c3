import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startInProcessNode } from '../lib/in-process-node.js';
import { runLoad, type LoadOptions, type LoadResult } from '../lib/load.js';
import { cpuMs } from '../lib/process-stats.js';
import { formatNumber, median, type BenchRow } from '../lib/report.js';
import { startServerProcess } from '../lib/server-process.js';
import { syntheticPriceLists } from '../lib/synthetic-price-lists.js';
import { syntheticPromotions } from '../lib/synthetic-promotions.js';

const SECRET = 'sk_bench_secret_key_0123456789abcdef';

/**
 * A category page of the demo store, as docs/evaluation.md describes the decide benchmark: 24 listing
 * items, two recommendation slots, one content slot and a 3-line cart, for a real customer.
 */
export const PAGE = {
  userId: '17850',
  context: { channel: 'web', device: 'desktop', country: 'GB', page: { type: 'category' } },
  cart: {
    items: [
      { productId: '85123A', quantity: 2 },
      { productId: '71053', quantity: 1 },
      { productId: '84406B', quantity: 3 },
    ],
  },
  recommendations: [
    { slot: 'pdp-similar', strategy: 'similar', productId: '85123A', limit: 8 },
    { slot: 'for-you', strategy: 'for-you', limit: 8 },
  ],
  content: ['home-hero'],
};

/** A product page of the demo store, answered in one decide call. */
const PRODUCT_PAGE = {
  ...PAGE,
  context: { ...PAGE.context, page: { type: 'product' } },
  product: { productId: '85123A' },
  recommendations: [
    { slot: 'pdp-similar', strategy: 'similar', limit: 8 },
    { slot: 'pdp-together', strategy: 'bought-together', limit: 8 },
  ],
};

/** Bytes of decide answers: the category page without hydration, and the product page with and without. */
async function answerSizes(url: string, headers: Record<string, string>, categoryPage: string) {
  const bytesOf = async (body: string) => {
    const response = await fetch(`${url}/v1/decide`, { method: 'POST', headers, body });
    if (!response.ok) throw new Error(`decide: ${response.status} ${await response.text()}`);
    return Buffer.byteLength(await response.text());
  };
  return {
    bare: await bytesOf(JSON.stringify({ ...JSON.parse(categoryPage), include: [] })),
    productPage: await bytesOf(JSON.stringify(PRODUCT_PAGE)),
    productPageBare: await bytesOf(JSON.stringify({ ...PRODUCT_PAGE, include: [] })),
  };
}

const LOAD_SECONDS = 5;

/**
 * A load run and the CPU the server process spent per answered request: steadier than req/s on a
 * shared machine, where the load generator and other work take turns with the server.
 */
async function loadWithCpu(
  pid: number,
  options: LoadOptions,
): Promise<LoadResult & { cpuMsPerRequest: number }> {
  const before = cpuMs(pid);
  const result = await runLoad({ connections: 32, durationSeconds: LOAD_SECONDS, ...options });
  const answered = Math.max(1, result.requestsPerSecond * LOAD_SECONDS);
  return { ...result, cpuMsPerRequest: (cpuMs(pid) - before) / answered };
}

/**
 * `POST /v1/decide` under 32 connections beside hello-world and a route returning the same answer.
 * ATTUNE_BENCH_DECIDE_PROFILE=<dir> runs the decide node with `--cpu-prof` into that folder.
 */
export async function decideSuite(runs: number): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-decide-'));
  const answerFile = join(dataDir, 'answer.json');
  const profileDir = process.env['ATTUNE_BENCH_DECIDE_PROFILE'];
  const attune = await startServerProcess(
    'attune-node',
    { DATA_DIR: dataDir, ATTUNE_DEMO: '1', ATTUNE_SECRET_KEY: SECRET },
    profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
  );
  const headers = { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' };
  const servers = [attune];
  try {
    await fetch(`${attune.url}/v1/content/slots/home-hero`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        variants: [
          { id: 'welcome', payload: { title: 'Welcome', image: '/img/hero.jpg' } },
          { id: 'uk', audience: { countries: ['GB'] }, payload: { title: 'Free UK delivery over £20' } },
        ],
      }),
    });
    const category = (
      (await (await fetch(`${attune.url}/v1/products/85123A`, { headers })).json()) as {
        categories: string[];
      }
    ).categories[0] as string;
    const body = JSON.stringify({ ...PAGE, listing: { category: category.split('/')[0], limit: 24 } });
    const sample = await fetch(`${attune.url}/v1/decide`, { method: 'POST', headers, body });
    if (!sample.ok) throw new Error(`decide: ${sample.status} ${await sample.text()}`);
    const answer = await sample.text();
    const parsed = JSON.parse(answer) as { listing: { items: unknown[] } };
    const sizes = await answerSizes(attune.url, headers, body);
    writeFileSync(answerFile, answer);
    const hello = await startServerProcess('hello-world');
    const same = await startServerProcess('same-answer', { ATTUNE_BENCH_ANSWER: answerFile });
    servers.push(hello, same);
    const results = [];
    for (let run = 0; run < runs; run += 1) {
      const helloRun = await runLoad({ url: hello.url, connections: 32, durationSeconds: LOAD_SECONDS });
      const sameRun = await loadWithCpu(same.pid, { url: same.url, method: 'POST', headers, body });
      const decideRun = await loadWithCpu(attune.pid, {
        url: `${attune.url}/v1/decide`,
        method: 'POST',
        headers,
        body,
      });
      const bareRun = await runLoad({
        url: `${attune.url}/v1/decide`,
        method: 'POST',
        headers,
        body: JSON.stringify({ ...JSON.parse(body), include: [] }),
        connections: 32,
        durationSeconds: LOAD_SECONDS,
      });
      if (decideRun.non2xx > 0 || bareRun.non2xx > 0) throw new Error('decide calls failed');
      results.push({
        hello: helloRun.requestsPerSecond,
        same: sameRun.requestsPerSecond,
        sameCpu: sameRun.cpuMsPerRequest,
        decide: decideRun,
        bare: bareRun.requestsPerSecond,
      });
    }
    const rate = median(results.map((run) => run.decide.requestsPerSecond));
    const ceiling = median(results.map((run) => run.same));
    const hellos = median(results.map((run) => run.hello));
    return [
      {
        suite: 'decide',
        name: `POST /v1/decide, demo category page (${parsed.listing.items.length} items, 2 slots, 1 content, 3-line cart), 32 connections`,
        measured: `${formatNumber(rate)} req/s, p50 ${formatNumber(median(results.map((run) => run.decide.p50Ms)), 1)} ms, p99 ${formatNumber(median(results.map((run) => run.decide.p99Ms)), 1)} ms`,
        reference: 'aim ≥ 50 % of the same-answer route, p99 ≤ 15 ms',
        note: `${formatNumber(Buffer.byteLength(answer))} bytes per answer (hydrated, the default); ${formatNumber(median(results.map((run) => run.decide.cpuMsPerRequest)), 2)} CPU ms/req`,
      },
      {
        suite: 'decide',
        name: 'bytes per decide answer: the same category page with include: [] (ids only, as before hydration) / hydrated',
        measured: `${formatNumber(sizes.bare)} / ${formatNumber(Buffer.byteLength(answer))} bytes`,
        note: `hydrated / bare: ${formatNumber(Buffer.byteLength(answer) / sizes.bare, 2)}; include: [] ${formatNumber(median(results.map((run) => run.bare)))} req/s`,
      },
      {
        suite: 'decide',
        name: 'bytes per decide answer: a product page in one call (product, similar 8, bought-together 8, 3-line cart, offers, content)',
        measured: `${formatNumber(sizes.productPage)} bytes`,
        note: `include: [] ${formatNumber(sizes.productPageBare)} bytes`,
      },
      {
        suite: 'decide',
        name: 'bare Fastify route returning the same answer, serialised per request',
        measured: `${formatNumber(ceiling)} req/s`,
        note: `decide / same answer: ${formatNumber(rate / ceiling, 2)}; ${formatNumber(median(results.map((run) => run.sameCpu)), 3)} CPU ms/req`,
      },
      {
        suite: 'decide',
        name: 'bare Fastify hello-world',
        measured: `${formatNumber(hellos)} req/s`,
        note: `decide / hello-world: ${formatNumber(rate / hellos, 2)}`,
      },
    ];
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const CATEGORIES = ['home/decor', 'kitchen/tableware', 'garden', 'seasonal/christmas', 'bags', 'toys-games'];

/** Decide's own time in-process (no HTTP): median and p99 of 300 calls for one shop size. */
async function decideLatency(products: number, rules: number): Promise<{ p50: number; p99: number }> {
  const { attune, dispose } = await startInProcessNode('decide-scale', SECRET);
  try {
    for (let start = 0; start < products; start += 1_000) {
      await attune.catalog.putProducts(
        Array.from({ length: Math.min(1_000, products - start) }, (_, offset) => {
          const index = start + offset;
          return {
            id: `p${index}`,
            title: `product ${index} style ${index % 37}`,
            categories: [CATEGORIES[index % CATEGORIES.length] as string],
            brand: `brand-${index % 300}`,
            attributes: {},
            price: { amount: 500 + (index % 50) * 10, currency: 'GBP' },
            cost: { amount: 300, currency: 'GBP' },
          };
        }),
      );
    }
    for (const { id, input } of syntheticPriceLists(Math.ceil(rules / 2), products))
      await attune.pricing.put(id, input);
    for (const { id, input } of syntheticPromotions(Math.floor(rules / 2), products, CATEGORIES))
      await attune.promotions.put(id, input);
    const orders = Array.from({ length: 2_000 }, (_, index) => ({
      type: 'track',
      event: 'Order Completed',
      userId: index % 10 === 0 ? 'bench-buyer' : `c${index % 400}`,
      messageId: `bench-${index}`,
      properties: {
        order_id: `o${index}`,
        products: [0, 1, 2].map((line) => ({
          product_id: `p${(index * 7 + line * 13) % products}`,
          price: 5,
        })),
      },
    }));
    for (let start = 0; start < orders.length; start += 500)
      await attune.ingestion.submit(orders.slice(start, start + 500), { fromServer: true });
    await attune.recommendations.rebuild();
    const customer = await attune.customers.resolve({
      userId: 'bench-buyer',
      trusted: true,
      context: { country: 'GB' },
    });
    const request = {
      currency: 'GBP',
      listing: { category: 'home', limit: 24 },
      cart: { items: [0, 1, 2].map((line) => ({ productId: `p${line * 11}`, quantity: 1 + line })) },
      recommendations: [
        { slot: 'similar', strategy: 'similar' as const, productId: 'p0', limit: 8 },
        { slot: 'for-you', strategy: 'for-you' as const, limit: 8 },
      ],
      content: [],
    };
    const times: number[] = [];
    for (let call = 0; call < 330; call += 1) {
      const started = performance.now();
      await attune.decide.decide(request, customer);
      if (call >= 30) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return {
      p50: times[Math.floor(times.length / 2)] as number,
      p99: times[Math.floor(times.length * 0.99)] as number,
    };
  } finally {
    await dispose();
  }
}

/** How decide's time grows with the catalogue (100 rules) and with the rules in force (10,000 products). */
export async function decideScalingSuite(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const ms = (value: number) => formatNumber(value, 2);
  for (const products of [1_000, 10_000, 100_000]) {
    const { p50, p99 } = await decideLatency(products, 100);
    rows.push({
      suite: 'decide',
      name: `decide in-process, ${formatNumber(products)} products, 100 rules (50 price lists, 50 promotions)`,
      measured: `p50 ${ms(p50)} ms, p99 ${ms(p99)} ms`,
      note: 'a category of a sixth of the catalogue, 24 items, 2 slots, 3-line cart',
    });
  }
  for (const rules of [10, 1_000]) {
    const { p50, p99 } = await decideLatency(10_000, rules);
    rows.push({
      suite: 'decide',
      name: `decide in-process, 10,000 products, ${formatNumber(rules)} rules`,
      measured: `p50 ${ms(p50)} ms, p99 ${ms(p99)} ms`,
    });
  }
  return rows;
}
