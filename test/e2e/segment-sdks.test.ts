import RudderAnalytics from '@rudderstack/rudder-sdk-node';
import { Analytics as SegmentAnalytics } from '@segment/analytics-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PUBLISHABLE_KEY, SECRET_KEY, startTestAttune, type TestAttune } from '../support/test-attune.js';

let node: TestAttune;
let baseUrl: string;
beforeAll(async () => {
  node = await startTestAttune();
  baseUrl = await node.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => node.dispose());

const profileOf = async (id: string) => (await node.call('GET', `/v1/profiles/${id}`)).json();

describe('the official SDKs, unchanged, pointed at Attune', () => {
  it('@segment/analytics-node delivers identify, track and page calls', async () => {
    const analytics = new SegmentAnalytics({
      writeKey: PUBLISHABLE_KEY,
      host: baseUrl,
      flushInterval: 50,
      maxRetries: 1,
    });
    const failures: unknown[] = [];
    analytics.on('error', (error) => failures.push(error));
    analytics.identify({
      userId: 'segment-user',
      anonymousId: 'segment-anon',
      traits: { email: 'seg@example.com', country: 'GB' },
    });
    analytics.track({
      userId: 'segment-user',
      event: 'Product Viewed',
      properties: { product_id: '85123A', price: 2.95 },
    });
    analytics.track({
      userId: 'segment-user',
      event: 'Product Added',
      properties: { product_id: '85123A', quantity: 3 },
    });
    analytics.page({ userId: 'segment-user', name: 'Home' });
    await analytics.closeAndFlush();
    expect(failures).toEqual([]);
    expect(await profileOf('segment-user')).toMatchObject({
      userId: 'segment-user',
      anonymousIds: ['segment-anon'],
      traits: { email: 'seg@example.com', country: 'GB' },
      computed: { recentlyViewed: ['85123A'], cart: { items: [{ productId: '85123A', quantity: 3 }] } },
    });
  });

  it('@rudderstack/rudder-sdk-node delivers orders from the server, gzip and all', async () => {
    const client = new RudderAnalytics(SECRET_KEY, {
      dataPlaneUrl: baseUrl,
      flushAt: 1,
      flushInterval: 50,
      gzip: true,
      logLevel: 'error',
    });
    client.identify({ userId: 'rudder-user', traits: { country: 'FR' } });
    client.track({
      userId: 'rudder-user',
      event: 'Order Completed',
      properties: {
        order_id: 'rs-1',
        total: 18.99,
        currency: 'EUR',
        products: [{ product_id: '22752', price: 18.99, quantity: 1 }],
      },
    });
    await vi.waitFor(async () => expect((await profileOf('rudder-user')).computed?.orderCount).toBe(1), {
      timeout: 10_000,
    });
    expect((await profileOf('rudder-user')).computed.lifetimeValue).toEqual({ EUR: 1899 });
  });
});
