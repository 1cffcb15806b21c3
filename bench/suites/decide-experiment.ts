import type { Attune } from '../../src/main.js';
import { startInProcessNode } from '../lib/in-process-node.js';
import { formatNumber, median, type BenchRow } from '../lib/report.js';

const SECRET = 'sk_bench_secret_key_0123456789abcdef';
const PRODUCTS = 5_000;
const CUSTOMERS = 500;
const CALLS_PER_ROUND = 600;
const CATEGORIES = ['home/decor', 'kitchen/tableware', 'garden', 'seasonal/christmas', 'bags', 'toys-games'];

/**
 * An experiment whose variants do the same work (both arms serve for-you in the slot), so the
 * difference measured is what running an experiment costs — assignment, applying the variant,
 * recording the exposure — not that one strategy is cheaper than another.
 */
const EXPERIMENT = {
  name: 'For you, as control and as a variant',
  metric: 'conversion' as const,
  variants: [
    { id: 'control', weight: 50, changes: {} },
    {
      id: 'for-you',
      weight: 50,
      changes: { recommendations: { 'home-recs': { strategy: 'for-you' as const } } },
    },
  ],
};

/**
 * Decide's own cost with one running experiment against none, in-process (no HTTP, so the machine's
 * noise is not the network's): rounds alternate the experiment stopped and running on one node, each
 * round `CALLS_PER_ROUND` decides for customers taken in turn from a pool of `CUSTOMERS` (so both new
 * and cached assignments are paid for), each resolved as the route resolves them.
 */
export async function decideExperimentSuite(runs: number): Promise<BenchRow[]> {
  const { attune, dispose } = await startInProcessNode('decide-experiment', SECRET);
  try {
    await seedShop(attune);
    const rounds = { off: [] as number[], on: [] as number[] };
    let next = 0;
    let inExperiment = 0;
    const round = async (): Promise<number> => {
      inExperiment = 0;
      const started = performance.now();
      for (let call = 0; call < CALLS_PER_ROUND; call += 1) {
        next = (next + 1) % CUSTOMERS;
        const customer = await attune.customers.resolve({
          userId: `c${next}`,
          trusted: true,
          context: { country: 'GB' },
        });
        // As the decide route does (viewerOf): the customer with their variants applied.
        const viewer = await attune.assignments.view(customer, () =>
          attune.customers.resolve({ context: customer.context, trusted: false }),
        );
        const answer = await attune.decide.decide(PAGE, viewer);
        if (answer.experiments.length > 0) inExperiment += 1;
      }
      return (performance.now() - started) / CALLS_PER_ROUND;
    };
    await round(); // warm-up
    for (let run = 0; run < Math.max(5, runs); run += 1) {
      await attune.experiments.put('home-recs', { ...EXPERIMENT, status: 'stopped' });
      rounds.off.push(await round());
      await attune.experiments.put('home-recs', { ...EXPERIMENT, status: 'running' });
      rounds.on.push(await round());
      // Counted only if the experiment was in force: every customer is in one of its variants.
      if (inExperiment !== CALLS_PER_ROUND)
        throw new Error(`${inExperiment} of ${CALLS_PER_ROUND} answers applied the experiment`);
    }
    const off = median(rounds.off);
    const on = median(rounds.on);
    return [
      {
        suite: 'decide',
        name: `decide in-process with one running experiment (2 variants doing the same work) against none, ${CUSTOMERS} customers in turn`,
        measured: `${formatNumber(1_000 / on)} against ${formatNumber(1_000 / off)} decides/s (${formatNumber(on, 2)} against ${formatNumber(off, 2)} ms each)`,
        reference: 'aim: within 10 % of without',
        note: `with / without: ${formatNumber(off / on, 2)} of the throughput; rounds alternate, medians of ${rounds.on.length}`,
      },
    ];
  } finally {
    await dispose();
  }
}

const PAGE = {
  currency: 'GBP',
  listing: { category: 'home', limit: 24 },
  cart: { items: [{ productId: 'p0', quantity: 1 }] },
  recommendations: [
    { slot: 'home-recs', strategy: 'for-you' as const, limit: 8 },
    { slot: 'similar', strategy: 'similar' as const, productId: 'p0', limit: 8 },
  ],
  content: [],
};

async function seedShop(attune: Attune): Promise<void> {
  for (let start = 0; start < PRODUCTS; start += 1_000) {
    await attune.catalog.putProducts(
      Array.from({ length: 1_000 }, (_, offset) => ({
        id: `p${start + offset}`,
        title: `product ${start + offset}`,
        categories: [CATEGORIES[(start + offset) % CATEGORIES.length] as string],
        attributes: {},
        price: { amount: 500 + ((start + offset) % 50) * 10, currency: 'GBP' as const },
      })),
    );
  }
  const orders = Array.from({ length: 2_000 }, (_, index) => ({
    type: 'track',
    event: 'Order Completed',
    userId: `c${index % CUSTOMERS}`,
    messageId: `bench-${index}`,
    properties: {
      order_id: `o${index}`,
      products: [0, 1, 2].map((line) => ({ product_id: `p${(index * 7 + line * 13) % PRODUCTS}`, price: 5 })),
    },
  }));
  for (let start = 0; start < orders.length; start += 500)
    await attune.ingestion.submit(orders.slice(start, start + 500), { fromServer: true });
  await attune.recommendations.rebuild();
}
