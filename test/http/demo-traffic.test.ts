import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_EXPERIMENT_ID, setUpDemoExperiment } from '../../src/app/demo/demo-experiment.js';
import { BOTH_STORES } from '../support/both-stores.js';
import { flushLogs } from '../support/flush-logs.js';
import { productBody, type TestAttune } from '../support/test-attune.js';

const VISITORS = 300;

/** A shop with a few products some customer bought (so the home slot has something to show). */
async function startShop(start: () => Promise<TestAttune>): Promise<TestAttune> {
  const node = await start();
  const ids = ['mug', 'cup', 'plate', 'bowl', 'jug'];
  await node.call('POST', '/v1/products:batch', {
    body: { items: ids.map((id) => ({ id, ...productBody({ title: id }) })) },
  });
  await node.call('POST', '/v1/track', {
    body: {
      userId: 'regular',
      event: 'Order Completed',
      properties: {
        order_id: 'seed',
        currency: 'GBP',
        total: 14.75,
        products: ids.map((id) => ({ product_id: id, price: 2.95, quantity: 1 })),
      },
    },
  });
  return node;
}

/** The demo's simulated visitors, sent through the node's own services as demo start sends them. */
function sendDemoTraffic(node: TestAttune): Promise<number> {
  return setUpDemoExperiment(
    {
      experiments: node.experiments,
      customers: node.customers,
      assignments: node.assignments,
      decide: node.decide,
      ingestion: node.ingestion,
      flushLogs: () => flushLogs(node),
      currency: 'GBP',
    },
    VISITORS,
  );
}

for (const setup of BOTH_STORES) {
  describe.skipIf(!setup.available)(`demo experiment traffic on ${setup.name}`, () => {
    let first: TestAttune;
    let second: TestAttune;
    beforeAll(async () => {
      [first, second] = await Promise.all([startShop(setup.start), startShop(setup.start)]);
    });
    afterAll(async () => {
      await first?.dispose();
      await second?.dispose();
    });

    const results = async (node: TestAttune) =>
      (await node.call('GET', `/v1/experiments/${DEMO_EXPERIMENT_ID}/results`)).json();

    it('goes through decide and ingestion: units, impressions, cited clicks and orders attributed by the product', async () => {
      const enrolled = await sendDemoTraffic(first);
      expect(enrolled).toBe(VISITORS);
      await vi.waitFor(
        async () => {
          const { variants } = await results(first);
          expect(variants.reduce((sum: number, variant: { units: number }) => sum + variant.units, 0)).toBe(
            VISITORS,
          );
          for (const variant of variants) {
            expect(variant.units).toBeGreaterThan(0);
            expect(variant.clicks).toBeGreaterThan(0);
            expect(variant.ctr).toBeGreaterThan(0);
          }
          expect(variants.some((variant: { orders: number }) => variant.orders > 0)).toBe(true);
        },
        { timeout: 30_000, interval: 250 },
      );
      // The dashboard counted the clicks too: they came in as events citing recorded decisions.
      await vi.waitFor(
        async () => {
          const overview = (await first.call('GET', '/v1/analytics/overview')).json();
          expect(overview.clicks).toBeGreaterThan(0);
          expect(overview.bySlot).toEqual(
            expect.arrayContaining([expect.objectContaining({ slot: 'for-you' })]),
          );
        },
        { timeout: 30_000, interval: 250 },
      );
    });

    it('sends the same traffic on every load', async () => {
      await sendDemoTraffic(second);
      const figures = (answer: { variants: Record<string, unknown>[] }) =>
        answer.variants.map(({ id, units, orders, revenue, clicks, ctr }) => ({
          id,
          units,
          orders,
          revenue,
          clicks,
          ctr,
        }));
      // Attribution runs after the events are durable: both nodes' figures settle to the same.
      await vi.waitFor(
        async () => expect(figures(await results(second))).toEqual(figures(await results(first))),
        { timeout: 30_000, interval: 250 },
      );
    });
  });
}
