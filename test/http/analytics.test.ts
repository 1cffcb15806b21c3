import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BOTH_STORES } from '../support/both-stores.js';
import { PUBLISHABLE_KEY, productBody, type TestAttune } from '../support/test-attune.js';

const DAY_MS = 86_400_000;

for (const setup of BOTH_STORES) {
  describe.skipIf(!setup.available)(`analytics on ${setup.name}`, () => {
    let node: TestAttune;
    const flushDecisions = () =>
      (node as unknown as { decisionLog: { flush(): Promise<void> } }).decisionLog.flush();
    const today = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
    const range = `from=${today.toISOString()}&to=${new Date(today.getTime() + DAY_MS).toISOString()}`;

    beforeAll(async () => {
      node = await setup.start();
      for (const id of ['mug', 'cup', 'plate']) {
        await node.call('PUT', `/v1/products/${id}`, { body: productBody({ title: id }) });
      }
      // Popularity for the recommendations to show: an order (no decision led to it) and a rebuild.
      await node.call('POST', '/v1/track', {
        body: {
          userId: 'seeder',
          event: 'Order Completed',
          properties: {
            order_id: 'seed',
            currency: 'GBP',
            total: 5.9,
            products: [{ product_id: 'mug', price: 2.95, quantity: 2 }],
          },
        },
      });
      expect((await node.call('POST', '/v1/recommendations/models:rebuild')).status).toBe(200);
      await node.call('PUT', '/v1/promotions/tenoff', {
        body: { title: 'Ten off', action: { type: 'percent_off', target: 'order', percent: 10 } },
      });
    });
    afterAll(() => node?.dispose());

    it('counts impressions, cited clicks, attributed orders and discounts by slot and strategy', async () => {
      await node.call('POST', '/v1/identify', { body: { userId: 'shopper' } });
      await node.call('POST', '/v1/identify', { body: { userId: 'stranger' } });
      const decide = async () =>
        (
          await node.call('POST', '/v1/decide', {
            body: {
              userId: 'shopper',
              currency: 'GBP',
              recommendations: [{ slot: 'home', strategy: 'popular', limit: 4 }],
            },
          })
        ).json();
      const decisions = [await decide(), await decide(), await decide()];
      const shown: string = decisions[0].recommendations.home.items[0].productId;
      await flushDecisions();
      const track = (userId: string, event: string, properties: Record<string, unknown>) =>
        node.call('POST', '/v1/track', { body: { userId, event, properties } });
      // A click on a product the decision showed counts; one on a product it did not show does not.
      await track('shopper', 'Product Clicked', { product_id: shown, decision_id: decisions[0].decisionId });
      await track('shopper', 'Product Clicked', {
        product_id: 'nowhere',
        decision_id: decisions[1].decisionId,
      });
      const orderOf = (orderId: string) => ({
        order_id: orderId,
        currency: 'GBP',
        total: 12.5,
        products: [{ product_id: shown, price: 12.5, quantity: 1 }],
      });
      await track('shopper', 'Order Completed', orderOf('attributed'));
      // No decision for this customer: not attributed.
      await track('stranger', 'Order Completed', orderOf('unattributed'));
      const recorded = await node.call('POST', '/v1/orders', {
        body: { orderId: 'with-discount', currency: 'GBP', items: [{ productId: 'mug', quantity: 2 }] },
      });
      expect(recorded.status).toBe(200);

      await vi.waitFor(async () => {
        const overview = (await node.call('GET', `/v1/analytics/overview?${range}`)).json();
        expect(overview).toMatchObject({
          impressions: 3,
          clicks: 1,
          ctr: 1 / 3,
          attributedOrders: 1,
          attributedRevenue: { amount: 1250, currency: 'GBP' },
          discountCost: { amount: 59, currency: 'GBP' },
          discountByPromotion: [{ promotionId: 'tenoff', discountCost: { amount: 59, currency: 'GBP' } }],
          bySlot: [
            {
              slot: 'home',
              strategy: 'popular',
              impressions: 3,
              clicks: 1,
              ctr: 1 / 3,
              attributedRevenue: { amount: 1250, currency: 'GBP' },
            },
          ],
        });
        expect(overview.holdout).toBeUndefined();
      });

      const series = (
        await node.call('GET', `/v1/analytics/timeseries?metric=impressions&interval=day&${range}`)
      ).json();
      expect(series).toEqual({
        metric: 'impressions',
        interval: 'day',
        points: [{ at: today.toISOString(), value: 3 }],
      });
      const ctr = await node.call(
        'GET',
        `/v1/analytics/timeseries?metric=ctr&from=${new Date(today.getTime() - DAY_MS).toISOString()}&to=${range.split('to=')[1]}`,
      );
      expect(ctr.json().points).toEqual([
        { at: new Date(today.getTime() - DAY_MS).toISOString(), value: 0 },
        { at: today.toISOString(), value: 1 / 3 },
      ]);
    });

    it('reports personalisation’s uplift from a running holdout experiment', async () => {
      await node.call('PUT', '/v1/experiments/holdout', {
        body: {
          name: 'Personalisation holdout',
          status: 'running',
          metric: 'revenue_per_unit',
          variants: [
            { id: 'personalised', weight: 90, changes: {} },
            { id: 'holdout', weight: 10, changes: { personalization: false } },
          ],
        },
      });
      const overview = await node.call('GET', `/v1/analytics/overview?${range}`);
      expect(overview.status).toBe(200);
      // No units yet: no comparison, so no uplift to report.
      expect(overview.json().holdout).toBeUndefined();
    });

    it('refuses a backwards or too long range and publishable keys', async () => {
      const backwards = await node.call(
        'GET',
        '/v1/analytics/overview?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      );
      expect(backwards.status).toBe(400);
      expect(backwards.json()).toMatchObject({ code: 'out_of_range', pointer: '/to' });
      const long = await node.call(
        'GET',
        '/v1/analytics/timeseries?metric=clicks&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      );
      expect(long.json()).toMatchObject({ code: 'out_of_range', pointer: '/from' });
      const unknown = await node.call('GET', '/v1/analytics/timeseries?metric=nope');
      expect(unknown.status).toBe(400);
      expect((await node.call('GET', '/v1/analytics/overview', { key: PUBLISHABLE_KEY })).status).toBe(403);
    });
  });
}
