import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BOTH_STORES } from '../support/both-stores.js';
import { flushLogs } from '../support/flush-logs.js';
import type { TestAttune } from '../support/test-attune.js';

/** Every unit gets `summer`, which shows the summer banner in the `home-hero` content slot. */
const HERO_TEST = {
  name: 'Summer banner',
  status: 'running',
  metric: 'conversion',
  variants: [
    { id: 'control', weight: 0, changes: {} },
    { id: 'summer', weight: 100, changes: { content: { 'home-hero': 'summer' } } },
  ],
};

/** Every unit gets `popular` in the `home` recommendations slot. */
const RECS_TEST = {
  name: 'Popular on the home page',
  status: 'running',
  metric: 'ctr',
  variants: [
    { id: 'control', weight: 0, changes: {} },
    { id: 'popular', weight: 100, changes: { recommendations: { home: { strategy: 'popular' } } } },
  ],
};

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

for (const setup of BOTH_STORES) {
  describe.skipIf(!setup.available)(`experiment attribution on ${setup.name}`, () => {
    let node: TestAttune;
    let orders = 0;

    beforeEach(async () => {
      node = await setup.start();
      await node.call('PUT', '/v1/content/slots/home-hero', {
        body: {
          variants: [
            { id: 'welcome', payload: { title: 'Welcome' } },
            { id: 'summer', payload: { title: 'Summer sale' } },
          ],
        },
      });
      await node.call('POST', '/v1/identify', { body: { userId: 'shopper' } });
    });
    afterEach(() => node?.dispose());

    const decide = async () => {
      const answer = (
        await node.call('POST', '/v1/decide', {
          body: {
            userId: 'shopper',
            content: ['home-hero'],
            recommendations: [{ slot: 'home', strategy: 'trending', limit: 4 }],
          },
        })
      ).json();
      await flushLogs(node);
      return answer as { decisionId: string; experiments: { experimentId: string; variant: string }[] };
    };
    const track = async (event: string, timestamp: string, properties: Record<string, unknown>) => {
      const response = await node.call('POST', '/v1/track', {
        body: { userId: 'shopper', event, timestamp, properties },
      });
      expect(response.status).toBeLessThan(300);
    };
    const order = (timestamp: string) =>
      track('Order Completed', timestamp, {
        order_id: `order-${(orders += 1)}`,
        currency: 'GBP',
        total: 10,
        products: [{ product_id: 'mug', price: 10, quantity: 1 }],
      });
    const tested = async (id: string) =>
      (await node.call('GET', `/v1/experiments/${id}/results`)).json().variants[1] as Record<string, unknown>;
    /** Lets ingestion and attribution finish: a last order credited to `probe` shows everything before it was done. */
    const settled = async (probe: string, orders: number) =>
      vi.waitFor(async () => expect(await tested(probe)).toMatchObject({ orders }));

    it('credits no order placed after the experiment was stopped', async () => {
      await node.call('PUT', '/v1/experiments/hero', { body: HERO_TEST });
      await node.call('PUT', '/v1/experiments/probe', { body: { ...RECS_TEST, name: 'Probe' } });
      await decide();
      await order(inMinutes(1));
      await settled('probe', 1);
      expect(await tested('hero')).toMatchObject({ orders: 1 });

      const stopped = await node.call('PUT', '/v1/experiments/hero', {
        body: { ...HERO_TEST, status: 'stopped' },
      });
      expect(Date.parse(stopped.json().stoppedAt)).toBeGreaterThan(Date.now() - 60_000);
      await order(inMinutes(2));
      await settled('probe', 2);
      expect(await tested('hero')).toMatchObject({ units: 1, orders: 1 });
    });

    it('credits no order placed at or after the experiment ends', async () => {
      await node.call('PUT', '/v1/experiments/hero', { body: { ...HERO_TEST, endsAt: inMinutes(2) } });
      await node.call('PUT', '/v1/experiments/probe', { body: { ...RECS_TEST, name: 'Probe' } });
      await decide();
      await order(inMinutes(1));
      await order(inMinutes(3));
      await settled('probe', 2);
      expect(await tested('hero')).toMatchObject({ units: 1, orders: 1 });
    });

    it('counts a click only for the experiments the cited decision applied, in the slot clicked', async () => {
      await node.call('PUT', '/v1/experiments/hero', { body: HERO_TEST });
      const before = await decide();
      expect(before.experiments).toEqual([{ experimentId: 'hero', variant: 'summer' }]);
      await node.call('PUT', '/v1/experiments/recs', { body: RECS_TEST });
      const after = await decide();
      expect(after.experiments).toHaveLength(2);

      // The unit is in `recs` by now, but the first decision showed nothing `recs` tests.
      await track('Product Clicked', inMinutes(1), { product_id: 'mug', decision_id: before.decisionId });
      // From the second decision's banner: `recs` changes the `home` slot only.
      await track('Product Clicked', inMinutes(1), {
        product_id: 'mug',
        decision_id: after.decisionId,
        slot: 'home-hero',
      });
      // From its recommendations: both experiments were applied, only `recs` changes that slot.
      await track('Product Added', inMinutes(1), {
        product_id: 'mug',
        decision_id: after.decisionId,
        slot: 'home',
      });
      // Without a slot, every experiment the decision applied.
      await track('Product Clicked', inMinutes(1), { product_id: 'mug', decision_id: after.decisionId });
      await order(inMinutes(2));
      await settled('recs', 1);
      expect(await tested('hero')).toMatchObject({ units: 1, clicks: 3 });
      expect(await tested('recs')).toMatchObject({ units: 1, clicks: 2 });
    });
  });
}
