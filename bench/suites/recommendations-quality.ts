import {
  ContentSimilarity,
  DEFAULT_BLEND,
  EaseModel,
  OnlineModel,
  easeTrainingSet,
  recommend,
  trainEase,
  type ProductFacts,
  type RecommendationRequest,
} from '../../src/domain/recommendations/index.js';
import { formatNumber, type BenchRow } from '../lib/report.js';
import {
  groceryBaskets,
  onlineRetailLines,
  purchaseOf,
  scoreList,
  seededRandom,
} from '../lib/retail-data.js';

const SPLIT = Date.parse('2011-11-01T00:00:00Z');
/** The dense model's size and regularisation: Attune's defaults (ATTUNE_RECS_DENSE_ITEMS, ATTUNE_RECS_EASE_LAMBDA). */
const DENSE_ITEMS = Number(process.env['ATTUNE_RECS_DENSE_ITEMS'] ?? 2_000);
const LAMBDA = Number(process.env['ATTUNE_RECS_EASE_LAMBDA'] ?? 200);

interface Metrics {
  hr: number;
  recall: number;
  ndcg: number;
  coverage: number;
  customers: number;
}

/** R1 of EVALUATION.md through Attune's recommendation module: train on the lines before November 2011, ask for-you. */
export function r1(): { all: Metrics; discovery: Metrics; trainSeconds: number; ms: number } {
  const lines = onlineRetailLines();
  const model = new OnlineModel();
  const products = new Map<string, ProductFacts>();
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
    if (line.at < SPLIT) model.observe(purchaseOf(line));
  }
  const started = performance.now();
  const set = easeTrainingSet(model.customers.values(), DENSE_ITEMS);
  const ease = new EaseModel(trainEase(set.items, set.rows, LAMBDA));
  const trainSeconds = (performance.now() - started) / 1000;
  const trainItems = new Set([...train.values()].flatMap((items) => [...items]));
  const context = {
    models: { online: model, ease, content: ContentSimilarity.of(products.values()) },
    product: (id: string) => products.get(id),
    merchandising: {},
    blend: DEFAULT_BLEND,
  };
  const customers = [...test.keys()].filter((customer) => train.has(customer));
  const evaluate = (discovery: boolean): Metrics => {
    const totals = { hr: 0, recall: 0, ndcg: 0, customers: 0 };
    const seen = new Set<string>();
    for (const customer of customers) {
      const bought = train.get(customer) as Set<string>;
      const target = discovery
        ? new Set([...(test.get(customer) as Set<string>)].filter((item) => !bought.has(item)))
        : (test.get(customer) as Set<string>);
      if (target.size === 0) continue;
      const request: RecommendationRequest = {
        strategy: 'for-you',
        customer,
        limit: 10,
        now: SPLIT,
        ...(discovery && { filter: { excludePurchased: true } }),
      };
      const items = recommend(request, context).items.map((item) => item.productId);
      items.forEach((item) => seen.add(item));
      const scored = scoreList(items, target);
      totals.hr += scored.hit;
      totals.recall += scored.recall;
      totals.ndcg += scored.ndcg;
      totals.customers += 1;
    }
    return {
      hr: totals.hr / totals.customers,
      recall: totals.recall / totals.customers,
      ndcg: totals.ndcg / totals.customers,
      coverage: seen.size / trainItems.size,
      customers: totals.customers,
    };
  };
  const asked = performance.now();
  const all = evaluate(false);
  const discovery = evaluate(true);
  return { all, discovery, trainSeconds, ms: (performance.now() - asked) / (2 * customers.length) };
}

/** R2 of EVALUATION.md: hold out 20% of the baskets, hide one item of each, ask cart-complements for the rest. */
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
  const ease = new EaseModel(trainEase(set.items, set.rows, Number(process.env['R2_LAMBDA'] ?? LAMBDA)));
  const items = new Set(baskets.flat());
  const product = (id: string): ProductFacts | undefined =>
    items.has(id) ? { id, title: id, categories: [], attributes: {}, price: 100, sellable: true } : undefined;
  const context = { models: { online: model, ease }, product, merchandising: {}, blend: DEFAULT_BLEND };
  const totals = { hr: 0, recall: 0, ndcg: 0, customers: 0 };
  const seen = new Set<string>();
  for (const basket of baskets.slice(cut)) {
    if (basket.length < 2) continue;
    const hidden = basket[Math.floor(random() * basket.length)] as string;
    const cart = basket.filter((item) => item !== hidden);
    const answer = recommend({ strategy: 'cart-complements', cart, limit: 10, now: 0 }, context).items.map(
      (item) => item.productId,
    );
    answer.forEach((item) => seen.add(item));
    const scored = scoreList(answer, new Set([hidden]));
    totals.hr += scored.hit;
    totals.recall += scored.recall;
    totals.ndcg += scored.ndcg;
    totals.customers += 1;
  }
  return {
    hr: totals.hr / totals.customers,
    recall: totals.recall / totals.customers,
    ndcg: totals.ndcg / totals.customers,
    coverage: seen.size / items.size,
    customers: totals.customers,
  };
}

const fixed = (value: number) => formatNumber(value, 3);

export function r1Suite(): Promise<BenchRow[]> {
  const { all, discovery, trainSeconds, ms } = r1();
  return Promise.resolve([
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
  ]);
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
