import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidId } from '../../src/domain/shared/index.js';
import { BOTH_STORES } from '../support/both-stores.js';
import { expectProblemUnlessOk } from '../support/problems.js';
import { PUBLISHABLE_KEY, type TestAttune } from '../support/test-attune.js';

/**
 * Every property name JavaScript's built-in objects answer to: a map keyed by outside strings that
 * is a plain object reads these as present (`constructor`, `toString`) or, for `__proto__`, cannot
 * even hold them.
 */
const BUILT_IN_NAMES = [
  ...new Set([
    ...[
      Object,
      Function,
      Array,
      String,
      Number,
      Boolean,
      Symbol,
      Date,
      RegExp,
      Error,
      Map,
      Set,
      WeakMap,
      Promise,
      ArrayBuffer,
    ].flatMap((constructor) => [
      ...Object.getOwnPropertyNames(constructor),
      ...Object.getOwnPropertyNames(constructor.prototype),
    ]),
    ...Object.getOwnPropertyNames(Math),
    ...Object.getOwnPropertyNames(JSON),
    '__proto__',
    'constructor',
    'prototype',
  ]),
].sort();
const ID_NAMES = BUILT_IN_NAMES.filter((name) => isValidId(name));

const SHOPPER = 'built-in-shopper';

/**
 * `name` as a key: `__proto__` never reaches a map as one, because a body carrying that key is
 * refused whole as `400 invalid_json` (docs/errors.md); it still arrives everywhere as a value.
 */
function keyed(name: string, value: unknown): Record<string, unknown> {
  return name === '__proto__' ? {} : { [name]: value };
}

/** Each free-form string that may become a key somewhere, filled with `name`. */
function eventsNaming(name: string): Record<string, unknown>[] {
  const product = {
    product_id: isValidId(name) ? name : 'mug',
    brand: name,
    category: name,
    ...keyed(name, name),
  };
  return [
    { type: 'track', userId: SHOPPER, event: 'Product Viewed', properties: product },
    {
      type: 'track',
      userId: SHOPPER,
      event: 'Product Added',
      properties: { ...product, price: 1, quantity: 1 },
    },
    {
      type: 'track',
      userId: SHOPPER,
      event: 'Product List Viewed',
      properties: { category: name, products: [product] },
    },
    { type: 'track', userId: SHOPPER, event: name, properties: keyed(name, name) },
    { type: 'identify', userId: SHOPPER, traits: { ...keyed(name, name), plan: name } },
    { type: 'page', userId: SHOPPER, name, properties: keyed(name, 1) },
    { type: 'group', userId: SHOPPER, groupId: isValidId(name) ? name : 'g', traits: keyed(name, name) },
    {
      type: 'track',
      userId: SHOPPER,
      event: 'Order Completed',
      properties: { order_id: `o-${name}`, total: 2, products: [{ ...product, price: 2, quantity: 1 }] },
    },
  ];
}

describe.each(BOTH_STORES)('built-in property names as outside strings, on $name', ({ available, start }) => {
  let node: TestAttune;
  beforeAll(async () => {
    if (!available) return;
    node = await start();
  });
  afterAll(() => node?.dispose());

  it.skipIf(!available)('keeps products, events and profiles whole, whatever their names', async () => {
    const items = BUILT_IN_NAMES.map((name, index) => ({
      id: isValidId(name) ? name : `p-${index}`,
      title: name,
      brand: name,
      categories: [name, `home/${name}`],
      attributes: /^[A-Za-z0-9_.:-]{1,64}$/.test(name) ? keyed(name, name) : {},
      price: { amount: 100, currency: 'GBP' },
    }));
    for (let from = 0; from < items.length; from += 500) {
      const written = await node.call('POST', '/v1/products:batch', {
        body: { items: items.slice(from, from + 500) },
      });
      expectProblemUnlessOk(written);
      expect(written.status, written.body).toBe(200);
    }
    const events = BUILT_IN_NAMES.flatMap(eventsNaming);
    for (let from = 0; from < events.length; from += 500) {
      const sent = await node.call('POST', '/v1/batch', { body: { batch: events.slice(from, from + 500) } });
      expectProblemUnlessOk(sent);
      expect(sent.json().rejected).toEqual([]);
    }
    for (const url of [`/v1/profiles/${SHOPPER}`, `/v1/profiles/${SHOPPER}/export`]) {
      const read = await node.call('GET', url);
      expectProblemUnlessOk(read);
      expect(read.status, url).toBe(200);
    }
    const profile = (await node.call('GET', `/v1/profiles/${SHOPPER}`)).json();
    expect(profile.traits['constructor']).toBe('constructor');
    expect(profile.traits['toString']).toBe('toString');
    const proto = await node.call('POST', '/v1/identify', {
      payload: '{"userId":"built-in-shopper","traits":{"__proto__":{"plan":"x"}}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(proto.json()).toMatchObject({ status: 400, code: 'invalid_json' });
  });

  it.skipIf(!available)(
    'answers every route without a 5xx when names are built-ins',
    async () => {
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...BUILT_IN_NAMES),
          fc.constantFrom(...ID_NAMES),
          async (name, id) => {
            for (const [method, url, body, key] of requestsNaming(name, id)) {
              const response = await node.call(method, url, { body, ...(key !== undefined && { key }) });
              expect(response.status, `${method} ${url} with ${name}: ${response.body}`).toBeLessThan(500);
              expectProblemUnlessOk(response);
              accepted += response.status < 300 ? 1 : 0;
            }
            const profile = await node.call('GET', `/v1/profiles/${SHOPPER}`);
            expect(profile.status).toBe(200);
          },
        ),
        { numRuns: 40 },
      );
      // Most requests must get past validation, or this would prove nothing.
      expect(accepted).toBeGreaterThan(40 * 12);
      // 40 runs of 16 requests each on this store: minutes on a busy shared machine, never a hang.
    },
    300_000,
  );
});

type Method = 'GET' | 'PUT' | 'POST';

/** One request per route that takes a free-form string that may become a key: `name` in each. */
function requestsNaming(name: string, id: string): [Method, string, unknown, string?][] {
  const context = { ...keyed(name, name), channel: name, page: { type: name, category: name } };
  const match = { categories: [name], brands: [name], productIds: [id] };
  return [
    [
      'PUT',
      `/v1/segments/${id}`,
      {
        name,
        rule: {
          any: [
            { trait: `traits.${/^[A-Za-z0-9_:-]+$/.test(name) ? name : 'x'}`, op: 'exists' },
            { event: name, where: keyed(name, name), count: { gte: 1 } },
            { context: /^[A-Za-z0-9_]+$/.test(name) ? name : 'x', op: 'eq', value: name },
          ],
        },
      },
    ],
    [
      'PUT',
      `/v1/content/slots/${id}`,
      {
        variants: [
          { id, payload: keyed(name, name) },
          { id: `${id}-a`, audience: { segments: [id], countries: [name], pageTypes: [name] }, payload: 1 },
        ],
      },
    ],
    [
      'PUT',
      `/v1/price-lists/${id}`,
      { type: 'sale', currency: 'GBP', audience: { segments: [id] }, rule: { percentOff: 10, match } },
    ],
    [
      'PUT',
      `/v1/promotions/${id}`,
      { title: name, action: { type: 'percent_off', target: 'items', match, percent: 10 } },
    ],
    ['PUT', `/v1/collections/${id}`, { title: name, filter: { categories: [name], brands: [name] } }],
    [
      'PUT',
      '/v1/recommendations/rules',
      { boosts: [{ match, factor: 2 }], pins: [{ productId: id, position: 1 }] },
    ],
    ['PUT', '/v1/listings/rules', { pins: [{ category: name, productIds: [id] }] }],
    [
      'POST',
      '/v1/decide',
      {
        userId: SHOPPER,
        context,
        content: [id],
        listing: { category: name, limit: 5 },
        recommendations: [{ slot: id, strategy: 'similar', productId: id, limit: 3 }],
        cart: { items: [{ productId: id, quantity: 1 }], coupons: [name] },
      },
    ],
    [
      'POST',
      '/v1/decide',
      { anonymousId: name, context, listing: { query: name, limit: 5 } },
      PUBLISHABLE_KEY,
    ],
    ['POST', '/v1/listings', { userId: SHOPPER, category: name, limit: 5, context }],
    ['POST', '/v1/recommendations', { userId: SHOPPER, strategy: 'for-you', limit: 5, context }],
    ['POST', '/v1/content:resolve', { userId: SHOPPER, slots: [id], context }],
    [
      'POST',
      '/v1/carts:evaluate',
      { userId: SHOPPER, currency: 'GBP', items: [{ productId: id, quantity: 1 }], coupons: [name], context },
    ],
    ['POST', '/v1/batch', { batch: eventsNaming(name) }],
    ['GET', `/v1/products?brand=${encodeURIComponent(name)}&category=${encodeURIComponent(name)}`, undefined],
    ['GET', `/v1/segments/${id}/members`, undefined],
  ];
}
