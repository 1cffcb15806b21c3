import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BOTH_STORES } from '../support/both-stores.js';
import type { TestAttune } from '../support/test-attune.js';

for (const setup of BOTH_STORES) {
  describe.skipIf(!setup.available)(`experiment impressions on ${setup.name}`, () => {
    let node: TestAttune;
    const flush = () => (node as unknown as { exposures: { flush(): Promise<void> } }).exposures.flush();

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
}
