import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BOTH_STORES } from '../support/both-stores.js';
import { flushLogs } from '../support/flush-logs.js';
import { productBody, type TestAttune } from '../support/test-attune.js';

for (const setup of BOTH_STORES) {
  describe.skipIf(!setup.available)(`experiment impressions on ${setup.name}`, () => {
    let node: TestAttune;
    const flush = () => flushLogs(node);

    beforeAll(async () => {
      node = await setup.start();
      await node.call('PUT', '/v1/content/slots/home-hero', {
        body: {
          variants: [
            { id: 'welcome', payload: { title: 'Welcome' } },
            { id: 'summer', payload: { title: 'Summer sale' } },
          ],
        },
      });
      await node.call('PUT', '/v1/experiments/hero', {
        body: {
          name: 'Summer banner',
          status: 'running',
          metric: 'ctr',
          variants: [
            { id: 'control', weight: 0, changes: {} },
            { id: 'summer', weight: 100, changes: { content: { 'home-hero': 'summer' } } },
          ],
        },
      });
    });
    afterAll(() => node?.dispose());

    it('counts an impression per answer showing the tested slot, so CTR has a denominator', async () => {
      await node.call('POST', '/v1/identify', { body: { userId: 'viewer' } });
      const decide = async (content: string[]) =>
        (await node.call('POST', '/v1/decide', { body: { userId: 'viewer', content } })).json();
      const first = await decide(['home-hero']);
      expect(first.experiments).toEqual([{ experimentId: 'hero', variant: 'summer' }]);
      await decide(['home-hero']);
      await decide(['home-hero']);
      // An answer without the tested slot is no impression of the experiment.
      await decide([]);
      await flush();
      await node.call('POST', '/v1/track', {
        body: {
          userId: 'viewer',
          event: 'Product Clicked',
          timestamp: new Date(Date.now() + 60_000).toISOString(),
          properties: { product_id: 'anything', decision_id: first.decisionId },
        },
      });
      await vi.waitFor(async () => {
        const summer = (await node.call('GET', '/v1/experiments/hero/results')).json().variants[1];
        expect(summer).toMatchObject({ id: 'summer', units: 1, clicks: 1, ctr: 1 / 3 });
      });
    });
  });

  describe.skipIf(!setup.available)(`experiment impressions beyond decide on ${setup.name}`, () => {
    let node: TestAttune;
    const flush = () => flushLogs(node);

    beforeAll(async () => {
      node = await setup.start();
      await node.call('PUT', '/v1/content/slots/home-hero', {
        body: {
          variants: [
            { id: 'welcome', payload: { title: 'Welcome' } },
            { id: 'summer', payload: { title: 'Summer sale' } },
          ],
        },
      });
      await node.call('PUT', '/v1/experiments/hero', {
        body: {
          name: 'Summer banner',
          status: 'running',
          metric: 'ctr',
          variants: [
            { id: 'control', weight: 0, changes: {} },
            { id: 'summer', weight: 100, changes: { content: { 'home-hero': 'summer' } } },
          ],
        },
      });
    });
    afterAll(() => node?.dispose());

    it('records the exposure and counts impressions from recommendations, listings and content answers too', async () => {
      await node.call('POST', '/v1/products:batch', {
        body: { items: [{ id: 'mug', ...productBody({ title: 'Mug', categories: ['home/kitchen'] }) }] },
      });
      // Someone bought it: `popular` and `trending` have something to show.
      await node.call('POST', '/v1/track', {
        body: {
          userId: 'buyer',
          event: 'Order Completed',
          properties: {
            order_id: 'o-1',
            currency: 'GBP',
            total: 2.95,
            products: [{ product_id: 'mug', price: 2.95, quantity: 1 }],
          },
        },
      });
      const test = (id: string, changes: Record<string, unknown>) =>
        node.call('PUT', `/v1/experiments/${id}`, {
          body: {
            name: id,
            status: 'running',
            metric: 'ctr',
            variants: [
              { id: 'control', weight: 0, changes: {} },
              { id: 'test', weight: 100, changes },
            ],
          },
        });
      await test('recs', { recommendations: { home: { strategy: 'popular' } } });
      await test('ranking', { listingWeights: { popularity: 2 } });
      const viewer = { anonymousId: 'window-shopper' };
      const recommended = await node.call('POST', '/v1/recommendations', {
        body: { ...viewer, strategy: 'trending', slot: 'home', limit: 4 },
      });
      expect(recommended.json().items.length).toBeGreaterThan(0);
      // A slot no experiment tests is no impression of `recs`.
      await node.call('POST', '/v1/recommendations', {
        body: { ...viewer, strategy: 'trending', slot: 'footer', limit: 4 },
      });
      await node.call('POST', '/v1/listings', { body: { ...viewer, category: 'home', limit: 10 } });
      await node.call('POST', '/v1/listings', { body: { ...viewer, category: 'home', limit: 10 } });
      const resolved = await node.call('POST', '/v1/content:resolve', {
        body: { ...viewer, slots: ['home-hero'] },
      });
      expect(resolved.json().experiments).toEqual(
        expect.arrayContaining([{ experimentId: 'hero', variant: 'summer' }]),
      );
      await flush();
      const totals = async (id: string) =>
        (await node.store.variantTotals(id)).get(id === 'hero' ? 'summer' : 'test');
      expect(await totals('recs')).toMatchObject({ units: 1, impressions: 1 });
      expect(await totals('ranking')).toMatchObject({ units: 1, impressions: 2 });
      expect(await totals('hero')).toMatchObject({ units: 1, impressions: 1 });
    });
  });
}
