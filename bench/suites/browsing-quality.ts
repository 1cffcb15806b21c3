import {
  ContentSimilarity,
  DEFAULT_BLEND,
  OnlineModel,
  recommend,
  type RecommendableProduct,
  type RecommendContext,
} from '../../src/domain/recommendations/index.js';
import { formatNumber, median, type BenchRow } from '../lib/report.js';
import { NextItemScore, r3Data, type R3Data, type R3Run } from '../lib/r3-data.js';
import { browsingCost } from './browsing-cost.js';
import { r3OverHttp } from './browsing-over-http.js';

/**
 * R3 through the recommendation module (no HTTP): the train sessions learnt as views, then each
 * test session played view by view, asking `similar` for the current product and `for-you` for the
 * visitor. With `learnTest`, the test views are learnt as they come (what a live node does).
 */
export function r3InModule(data: R3Data, learnTest: boolean): R3Run {
  const model = new OnlineModel();
  for (const session of data.train) {
    for (const productId of session.products)
      model.observe({ customer: session.invoice, productId, kind: 'view', quantity: 1, at: session.at });
  }
  const products = new Map<string, RecommendableProduct>(
    [...data.titles].map(([id, title]) => [
      id,
      { id, title: title === '' ? id : title, categories: [], attributes: {}, price: 100, sellable: true },
    ]),
  );
  const context: RecommendContext = {
    models: { online: model, content: ContentSimilarity.of(products.values()) },
    product: (id) => products.get(id),
    merchandising: {},
    blend: DEFAULT_BLEND,
  };
  const itemToItem = new NextItemScore();
  const forYou = new NextItemScore();
  const ids = (answer: { items: readonly { productId: string }[] }) =>
    answer.items.map((item) => item.productId);
  for (const session of data.test) {
    const visitor = `test-${session.invoice}`;
    session.products.forEach((productId, position) => {
      if (learnTest)
        model.observe({ customer: visitor, productId, kind: 'view', quantity: 1, at: session.at });
      const next = session.products[position + 1];
      if (next === undefined || !data.known.has(next)) return;
      const viewed = session.products.slice(0, position + 1).reverse();
      itemToItem.add(
        ids(recommend({ strategy: 'similar', productId, limit: 10, now: session.at }, context)),
        next,
      );
      forYou.add(
        ids(
          recommend(
            {
              strategy: 'for-you',
              customer: visitor,
              session: { viewed, lastSeenAt: session.at },
              limit: 10,
              now: session.at,
            },
            context,
          ),
        ),
        next,
      );
    });
  }
  return { itemToItem: itemToItem.result, forYou: forYou.result };
}

const fixed = (value: number) => formatNumber(value, 3);
const both = (result: NextItemScore['result']) => `HR@10 ${fixed(result.hr)}, MRR@10 ${fixed(result.mrr)}`;

/** `npm run bench -- --only r3 [--sample 10]`: R3 through the public API and through the module. */
export async function r3Suite(runs: number, options: { sample?: number } = {}): Promise<BenchRow[]> {
  const sample = options.sample ?? 1;
  const data = r3Data(sample);
  const module = r3InModule(data, true);
  const frozen = r3InModule(data, false);
  const costs = Array.from({ length: runs }, () => browsingCost(data));
  const http: Awaited<ReturnType<typeof r3OverHttp>>[] = [];
  for (let run = 0; run < runs; run += 1) http.push(await r3OverHttp(data));
  const pick = (which: 'itemToItem' | 'forYou', metric: 'hr' | 'mrr') =>
    median(http.map((run) => run[which][metric]));
  const predictions = http[0]?.itemToItem.predictions ?? 0;
  const scope = sample === 1 ? '' : `, every ${sample}th test session`;
  return [
    {
      suite: 'r3',
      name: `Online Retail as sessions, item-to-item: similar (${formatNumber(predictions)} predictions${scope})`,
      measured: `HR@10 ${fixed(pick('itemToItem', 'hr'))}, MRR@10 ${fixed(pick('itemToItem', 'mrr'))}`,
      reference: 'popular 0.021 (0.007); co-occurrence 0.347 (0.186); next-item 0.385 (0.220); aim HR ≥ 0.40',
      note: `through the public API (median of ${runs}; ${formatNumber(median(http.map((run) => run.similarMs)), 2)} ms per request through app.inject, train part loaded and rebuilt in ${formatNumber(median(http.map((run) => run.loadSeconds)), 0)} s); module: ${both(module.itemToItem)}; learnt from train only: ${both(frozen.itemToItem)}`,
    },
    {
      suite: 'r3',
      name: `the same, real time: track the view, then for-you for the visitor`,
      measured: `HR@10 ${fixed(pick('forYou', 'hr'))}, MRR@10 ${fixed(pick('forYou', 'mrr'))}`,
      reference: 'popular 0.021 (0.007); co-occurrence 0.347 (0.186); next-item 0.385 (0.220); aim HR ≥ 0.40',
      note: `${formatNumber(median(http.map((run) => run.forYouMs)), 2)} ms per request; module: ${both(module.forYou)}; learnt from train only: ${both(frozen.forYou)}`,
    },
    {
      suite: 'r3',
      name: 'learning a view (1M views of R3 sessions, online model)',
      measured: `${formatNumber(median(costs.map((cost) => cost.modelMicros)), 1)} µs per view`,
      reference: 'aim < 20 µs per view event',
      note: `browsing signals alone ${formatNumber(median(costs.map((cost) => cost.browsingMicros)), 1)} µs; the rest is popularity and the customer's history`,
    },
    {
      suite: 'r3',
      name: 'memory added per 1M views (R3 sessions)',
      measured: `browsing signals ${formatNumber(median(costs.map((cost) => cost.browsingMib)), 1)} MiB`,
      reference: `bounded by the catalogue (${formatNumber(costs[0]?.products ?? 0)} products × 3 lists × ≤ 300) and 50,000 sessions`,
      note: `whole online model ${formatNumber(median(costs.map((cost) => cost.modelMib)), 1)} MiB, with the per-customer view histories it already kept`,
    },
  ];
}
