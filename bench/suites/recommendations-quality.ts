import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ContentSimilarity,
  DEFAULT_BLEND,
  EaseModel,
  OnlineModel,
  easeTrainingSet,
  recommend,
  trainEase,
  type RecommendableProduct,
} from '../../src/domain/recommendations/index.js';
import { formatNumber, type BenchRow } from '../lib/report.js';
import {
  groceryBaskets,
  onlineRetailLines,
  purchaseOf,
  Scorecard,
  type ListMetrics,
  seededRandom,
  type RetailLine,
} from '../lib/retail-data.js';
import { startServerProcess } from '../lib/server-process.js';

const SPLIT = Date.parse('2011-11-01T00:00:00Z');
const SECRET = 'sk_bench_secret_key_0123456789abcdef';
/** The dense model's size and regularisation: Attune's defaults (ATTUNE_RECS_DENSE_ITEMS, ATTUNE_RECS_EASE_LAMBDA). */
const DENSE_ITEMS = Number(process.env['ATTUNE_RECS_DENSE_ITEMS'] ?? 2_000);
const LAMBDA = Number(process.env['ATTUNE_RECS_EASE_LAMBDA'] ?? 200);

type Metrics = ListMetrics;

/** R1's split: the lines, who bought what before and after 1 November 2011, and whom to ask. */
interface R1Data {
  readonly lines: readonly RetailLine[];
  readonly products: Map<string, RecommendableProduct>;
  readonly train: Map<string, Set<string>>;
  readonly test: Map<string, Set<string>>;
  readonly trainItems: Set<string>;
  /** Customers with at least one train and one test line. */
  readonly customers: readonly string[];
}

function r1Data(): R1Data {
  const lines = onlineRetailLines();
  const products = new Map<string, RecommendableProduct>();
  const train = new Map<string, Set<string>>();
  const test = new Map<string, Set<string>>();
  for (const line of lines) {
    if (!products.has(line.productId)) {
      products.set(line.productId, {
        id: line.productId,
        title: line.title,
        categories: [],
        attributes: {},
        price: line.unitPrice,
        sellable: true,
      });
    }
    const into = line.at < SPLIT ? train : test;
    let bought = into.get(line.customer);
    if (bought === undefined) into.set(line.customer, (bought = new Set()));
    bought.add(line.productId);
  }
  const trainItems = new Set([...train.values()].flatMap((items) => [...items]));
  const customers = [...test.keys()].filter((customer) => train.has(customer));
  return { lines, products, train, test, trainItems, customers };
}

/** Asks for each evaluated customer's ten (for-you, or discovery) and scores them against the test part. */
async function evaluateR1(
  data: R1Data,
  ask: (customer: string, discovery: boolean) => string[] | Promise<string[]>,
  discovery: boolean,
): Promise<Metrics> {
  const scorecard = new Scorecard();
  for (const customer of data.customers) {
    const bought = data.train.get(customer) as Set<string>;
    const wanted = data.test.get(customer) as Set<string>;
    const target = discovery ? new Set([...wanted].filter((item) => !bought.has(item))) : wanted;
    if (target.size === 0) continue;
    scorecard.add(await ask(customer, discovery), target);
  }
  return scorecard.metrics(data.trainItems.size);
}

/** R1 of docs/evaluation.md through Attune's recommendation module: train on the lines before November 2011, ask for-you. */
export async function r1(): Promise<{ all: Metrics; discovery: Metrics; trainSeconds: number; ms: number }> {
  const data = r1Data();
  const model = new OnlineModel();
  for (const line of data.lines) if (line.at < SPLIT) model.observe(purchaseOf(line));
  const started = performance.now();
  const set = easeTrainingSet(model.customers.values(), DENSE_ITEMS);
  const ease = new EaseModel(trainEase(set, LAMBDA));
  const trainSeconds = (performance.now() - started) / 1000;
  const context = {
    models: { online: model, ease, content: ContentSimilarity.of(data.products.values()) },
    product: (id: string) => data.products.get(id),
    merchandising: {},
    blend: DEFAULT_BLEND,
  };
  const ask = (customer: string, discovery: boolean) =>
    recommend(
      {
        strategy: 'for-you',
        customer,
        limit: 10,
        now: SPLIT,
        ...(discovery && { filter: { excludePurchased: true } }),
      },
      context,
    ).items.map((item) => item.productId);
  const asked = performance.now();
  const all = await evaluateR1(data, ask, false);
  const discovery = await evaluateR1(data, ask, true);
  return { all, discovery, trainSeconds, ms: (performance.now() - asked) / (2 * data.customers.length) };
}

/**
 * R1 through the public API: the train part replayed as Segment `Order Completed` events over HTTP
 * (times shifted so the split falls at the moment of replay), the models rebuilt, then
 * `POST /v1/recommendations` asked for each evaluated customer.
 */
export async function r1OverHttp(): Promise<{ all: Metrics; discovery: Metrics; replaySeconds: number }> {
  const data = r1Data();
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-r1-'));
  const server = await startServerProcess('attune-node', {
    DATA_DIR: dataDir,
    ATTUNE_DEMO: '0',
    ATTUNE_SECRET_KEY: SECRET,
    ATTUNE_RECS_REBUILD_MINUTES: '0',
  });
  const headers = { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  try {
    const products = [...data.products.values()];
    for (let start = 0; start < products.length; start += 1_000) {
      const items = products.slice(start, start + 1_000).map((product) => ({
        id: product.id,
        title: product.title.trim() === '' ? product.id : product.title.slice(0, 200),
        price: { amount: product.price, currency: 'GBP' },
      }));
      await post('/v1/products:batch', { items });
    }
    const started = performance.now();
    const shift = Date.now() - SPLIT;
    const invoices = new Map<string, RetailLine[]>();
    for (const line of data.lines) {
      if (line.at >= SPLIT) continue;
      const invoice = invoices.get(line.invoice);
      if (invoice === undefined) invoices.set(line.invoice, [line]);
      else invoice.push(line);
    }
    let batch: unknown[] = [];
    const flush = async () => {
      const answer = await post('/v1/batch', { batch });
      if ((answer['rejected'] as unknown[]).length > 0)
        throw new Error(`events refused: ${JSON.stringify(answer)}`);
      batch = [];
    };
    for (const [invoice, lines] of invoices) {
      const first = lines[0] as RetailLine;
      batch.push({
        type: 'track',
        event: 'Order Completed',
        userId: first.customer,
        messageId: `r1-${invoice}`,
        timestamp: new Date(first.at + shift).toISOString(),
        properties: {
          order_id: invoice,
          currency: 'GBP',
          products: lines.map((line) => ({
            product_id: line.productId,
            quantity: line.quantity,
            price: line.unitPrice / 100,
          })),
        },
      });
      if (batch.length === 500) await flush();
    }
    if (batch.length > 0) await flush();
    await post('/v1/recommendations/models:rebuild', {});
    const replaySeconds = (performance.now() - started) / 1000;
    const ask = async (customer: string, discovery: boolean) => {
      const answer = await post('/v1/recommendations', {
        strategy: 'for-you',
        userId: customer,
        limit: 10,
        ...(discovery && { filter: { excludePurchased: true } }),
      });
      return (answer['items'] as { productId: string }[]).map((item) => item.productId);
    };
    return {
      all: await evaluateR1(data, ask, false),
      discovery: await evaluateR1(data, ask, true),
      replaySeconds,
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** R2 of docs/evaluation.md: hold out 20% of the baskets, hide one item of each, ask cart-complements for the rest. */
export function r2(): Metrics {
  const random = seededRandom(42);
  const baskets = groceryBaskets();
  for (let index = baskets.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [baskets[index], baskets[other]] = [baskets[other] as string[], baskets[index] as string[]];
  }
  const cut = Math.floor(baskets.length * 0.8);
  const model = new OnlineModel();
  baskets.slice(0, cut).forEach((basket, index) => {
    for (const item of basket)
      model.observe({
        customer: `b${index}`,
        productId: item,
        kind: 'purchase',
        quantity: 1,
        at: 0,
        basket: `b${index}`,
      });
  });
  const set = easeTrainingSet(model.customers.values(), DENSE_ITEMS);
  const ease = new EaseModel(trainEase(set, LAMBDA));
  const items = new Set(baskets.flat());
  const product = (id: string): RecommendableProduct | undefined =>
    items.has(id) ? { id, title: id, categories: [], attributes: {}, price: 100, sellable: true } : undefined;
  const context = { models: { online: model, ease }, product, merchandising: {}, blend: DEFAULT_BLEND };
  const scorecard = new Scorecard();
  for (const basket of baskets.slice(cut)) {
    if (basket.length < 2) continue;
    const hidden = basket[Math.floor(random() * basket.length)] as string;
    const cart = basket.filter((item) => item !== hidden);
    const answer = recommend({ strategy: 'cart-complements', cart, limit: 10, now: 0 }, context).items.map(
      (item) => item.productId,
    );
    scorecard.add(answer, new Set([hidden]));
  }
  return scorecard.metrics(items.size);
}

const fixed = (value: number) => formatNumber(value, 3);

export async function r1Suite(): Promise<BenchRow[]> {
  const { all, discovery, trainSeconds, ms } = await r1();
  const http = await r1OverHttp();
  return [
    {
      suite: 'r1',
      name: `Online Retail, for-you, task all (${all.customers} customers)`,
      measured: `HR@10 ${fixed(all.hr)}, NDCG@10 ${fixed(all.ndcg)}, recall ${fixed(all.recall)}, coverage ${fixed(all.coverage)}`,
      reference: 'best blend NDCG 0.338 (HR 0.800); aim NDCG ≥ 0.34, coverage ≥ 0.30',
      note: `EASE over ${formatNumber(DENSE_ITEMS)} items, λ ${LAMBDA}, trained in ${formatNumber(trainSeconds, 1)} s; ${formatNumber(ms, 2)} ms per request`,
    },
    {
      suite: 'r1',
      name: `Online Retail, for-you excludePurchased, task new (${discovery.customers} customers)`,
      measured: `HR@10 ${fixed(discovery.hr)}, NDCG@10 ${fixed(discovery.ndcg)}, recall ${fixed(discovery.recall)}, coverage ${fixed(discovery.coverage)}`,
      reference: 'EASE NDCG 0.102 (HR 0.476); aim NDCG ≥ 0.11',
    },
    {
      suite: 'r1',
      name: `the same through the public API (events over HTTP, POST /v1/recommendations)`,
      measured: `all: NDCG@10 ${fixed(http.all.ndcg)}, coverage ${fixed(http.all.coverage)}; new: NDCG@10 ${fixed(http.discovery.ndcg)}, coverage ${fixed(http.discovery.coverage)}`,
      reference: 'the same figures as the module',
      note: `train part replayed and models rebuilt in ${formatNumber(http.replaySeconds, 1)} s`,
    },
  ];
}

export function r2Suite(): Promise<BenchRow[]> {
  const result = r2();
  return Promise.resolve([
    {
      suite: 'r2',
      name: `Groceries, cart-complements, one hidden item (${result.customers} baskets)`,
      measured: `HR@10 ${fixed(result.hr)}, NDCG@10 ${fixed(result.ndcg)}`,
      reference: 'EASE HR 0.397 (NDCG 0.219); aim HR ≥ 0.40',
    },
  ]);
}
