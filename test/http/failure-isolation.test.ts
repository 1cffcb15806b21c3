import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOTH_STORES } from '../support/both-stores.js';
import { expectProblemUnlessOk } from '../support/problems.js';
import { PUBLISHABLE_KEY, productBody, type TestAttune } from '../support/test-attune.js';

/** Strings no store keeps as text: NUL anywhere, and UTF-16 halves without their pair. */
const UNSTORABLE = ['x\u0000', '\u0000', 'a\ud800', '\udc00b'] as const;

/** Every storefront route that names a customer, with a sound body around `userId`. */
const CUSTOMER_ROUTES = [
  ['/v1/decide', (userId: string) => ({ userId, content: ['hero'] })],
  [
    '/v1/prices:resolve',
    (userId: string) => ({ userId, currency: 'GBP', items: [{ productId: 'p1', quantity: 1 }] }),
  ],
  [
    '/v1/carts:evaluate',
    (userId: string) => ({ userId, currency: 'GBP', items: [{ productId: 'p1', quantity: 1 }] }),
  ],
  ['/v1/offers', (userId: string) => ({ userId, currency: 'GBP' })],
  [
    '/v1/orders',
    (userId: string) => ({
      userId,
      orderId: 'o-1',
      currency: 'GBP',
      items: [{ productId: 'p1', quantity: 1 }],
    }),
  ],
  ['/v1/recommendations', (userId: string) => ({ userId, strategy: 'popular' })],
  ['/v1/listings', (userId: string) => ({ userId, limit: 5 })],
  ['/v1/content:resolve', (userId: string) => ({ userId, slots: ['hero'] })],
] as const;

describe.each(BOTH_STORES)('failure isolation on $name', ({ available, start }) => {
  let node: TestAttune;
  beforeAll(async () => {
    if (!available) return;
    node = await start();
    expect((await node.call('PUT', '/v1/products/p1', { body: productBody() })).status).toBe(201);
  });
  afterAll(() => node?.dispose());

  it.skipIf(!available)(
    'refuses an unstorable userId on every customer route with a 400 and its pointer',
    async () => {
      for (const [url, body] of CUSTOMER_ROUTES) {
        for (const text of UNSTORABLE) {
          for (const field of ['userId', 'anonymousId']) {
            const sent = { ...body('u1'), userId: undefined, [field]: text };
            const response = await node.call('POST', url, { body: sent });
            expectProblemUnlessOk(response);
            expect(response.status, `${url} ${field} ${JSON.stringify(text)}`).toBe(400);
            expect(response.json().pointer, url).toBe(`/${field}`);
          }
        }
      }
    },
  );

  it.skipIf(!available)('accepts 200 sound batches sent alongside batches carrying NUL', async () => {
    const sound = Array.from({ length: 200 }, (_, index) =>
      node.call('POST', '/v1/batch', {
        key: PUBLISHABLE_KEY,
        body: {
          batch: [
            {
              type: 'track',
              event: 'Product Viewed',
              userId: `sound-${index}`,
              properties: { product_id: 'p1' },
            },
          ],
        },
      }),
    );
    const hostile = UNSTORABLE.flatMap((text) => [
      { type: 'track', event: text, userId: 'h1' },
      { type: 'track', event: 'Product Viewed', userId: 'h2', messageId: text },
      { type: 'track', event: 'Product Viewed', userId: 'h3', properties: { [text]: 1 } },
      { type: 'identify', userId: 'h4', traits: { email: text } },
      { type: 'page', userId: 'h5', name: text },
      { type: 'group', userId: 'h6', groupId: text },
    ]).map((event) => node.call('POST', '/v1/batch', { key: PUBLISHABLE_KEY, body: { batch: [event] } }));
    const answers = await Promise.all([...sound, ...hostile]);
    for (const answer of answers) expectProblemUnlessOk(answer);
    const soundAnswers = answers.slice(0, sound.length);
    expect(soundAnswers.map((answer) => answer.status)).toEqual(sound.map(() => 200));
    expect(soundAnswers.map((answer) => answer.json().accepted)).toEqual(sound.map(() => 1));
    for (const answer of answers.slice(sound.length)) {
      expect(answer.status).toBe(200);
      expect(answer.json().rejected).toHaveLength(1);
      expect(answer.json().rejected[0].code).toBe('invalid_text');
    }
  });

  it.skipIf(!available)(
    'refuses unstorable text in admin objects, queries and paths, storing nothing',
    async () => {
      const writes = [
        ['PUT', '/v1/products/p2', productBody({ title: 'Mug\u0000' }), '/title'],
        ['PUT', '/v1/products/p2', productBody({ attributes: { colour: 'a\ud800' } }), '/attributes/colour'],
        [
          'PUT',
          '/v1/segments/s1',
          { name: 'b\u0000', rule: { trait: 'traits.plan', op: 'exists' } },
          '/name',
        ],
        [
          'PUT',
          '/v1/segments/s1',
          { name: 'b', rule: { trait: 'traits.plan', op: 'eq', value: '\u0000' } },
          '/rule/value',
        ],
      ] as const;
      for (const [method, url, body, pointer] of writes) {
        const response = await node.call(method, url, { body });
        expect(response.status, url).toBe(400);
        expect(response.json()).toMatchObject({ code: 'invalid_text', pointer, in: 'body' });
      }
      expect((await node.call('GET', '/v1/products/p2')).status).toBe(404);
      expect((await node.call('GET', '/v1/segments/s1')).status).toBe(404);
      const query = await node.call('GET', '/v1/products?cursor=%00');
      expect(query.json()).toMatchObject({ code: 'invalid_text', pointer: '/cursor', in: 'query' });
    },
  );
});
