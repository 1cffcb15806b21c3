import { expect } from 'vitest';
import type { Known } from './schema-arbitrary.js';
import { productBody, type TestAttune } from './test-attune.js';

/**
 * A small shop for API-wide fuzzing: one thing of each kind, so generated requests that name them
 * (see {@link knownFor}) reach the code behind "not found".
 */
export async function seedShop(node: TestAttune): Promise<void> {
  const writes: [string, unknown][] = [
    ['/v1/products/p1', productBody()],
    ['/v1/products/p2', productBody({ brand: 'acme', price: { amount: 1999, currency: 'GBP' } })],
    ['/v1/collections/home', { title: 'Home', productIds: ['p1', 'p2'] }],
    ['/v1/segments/vip', { name: 'VIP', rule: { trait: 'traits.vip', op: 'eq', value: true } }],
    ['/v1/price-lists/sale1', { type: 'sale', currency: 'GBP', rule: { percentOff: 10, match: {} } }],
    [
      '/v1/promotions/promo1',
      { title: 'Ten off', action: { type: 'percent_off', target: 'order', percent: 10 } },
    ],
    ['/v1/content/slots/hero', { variants: [{ id: 'welcome', payload: { title: 'Hello' } }] }],
    ['/v1/loyalty/program', { currency: 'GBP', pointsPerUnit: 1, tiers: [{ id: 'member', perks: {} }] }],
    [
      '/v1/webhooks/hook1',
      { url: 'http://127.0.0.1:9/attune', events: ['segment.entered'], secret: `whsec_${'a'.repeat(32)}` },
    ],
  ];
  for (const [url, body] of writes) {
    const response = await node.call('PUT', url, { body });
    expect(response.status, `${url}: ${response.body}`).toBeLessThan(300);
  }
  const identified = await node.call('POST', '/v1/identify', {
    body: { userId: 'u1', anonymousId: 'a1', traits: { vip: true } },
  });
  expect(identified.status).toBe(200);
  await node.rules.backfill.idle();
}

/** Ids of what {@link seedShop} made, for the parameters and fields of `path` that name one. */
export function knownFor(path: string): Known {
  const idOf: [string, string[]][] = [
    ['/v1/products', ['p1', 'p2']],
    ['/v1/collections', ['home']],
    ['/v1/profiles', ['u1', 'a1']],
    ['/v1/segments', ['vip']],
    ['/v1/webhooks', ['hook1']],
    ['/v1/price-lists', ['sale1']],
    ['/v1/promotions', ['promo1']],
  ];
  const ids = idOf.find(([prefix]) => path.startsWith(prefix))?.[1] ?? [];
  return {
    id: ids,
    productId: ['p1', 'p2'],
    slot: ['hero'],
    userId: ['u1'],
    anonymousId: ['a1'],
    currency: ['GBP'],
    segment: ['vip'],
    category: ['home/candles'],
  };
}

const view = { type: 'track', userId: 'u1', event: 'Product Viewed', properties: { product_id: 'p1' } };

/**
 * Sound bodies for the operations whose documented body is free-form (a Segment-spec event): the
 * generator starts from these as it would from a schema's examples, and spoils them the same way.
 */
export const SAMPLE_BODIES: Readonly<Record<string, readonly unknown[]>> = {
  'POST /v1/track': [
    view,
    { anonymousId: 'a9', event: 'Product Added', properties: { product_id: 'p2', quantity: 2 } },
    { userId: 'u1', event: 'Order Completed', properties: { order_id: 'o1', total: 12.5, currency: 'GBP' } },
  ],
  'POST /v1/identify': [{ userId: 'u1', anonymousId: 'a1', traits: { vip: true, email: 'u1@example.com' } }],
  'POST /v1/page': [{ anonymousId: 'a1', name: 'Home', properties: { path: '/' } }],
  'POST /v1/screen': [{ userId: 'u1', name: 'Basket' }],
  'POST /v1/group': [{ userId: 'u1', groupId: 'acme', traits: { name: 'Acme' } }],
  'POST /v1/alias': [{ userId: 'u1', previousId: 'a2' }],
  'POST /v1/batch': [{ batch: [view, { ...view, type: 'identify', traits: { vip: false } }] }],
};
