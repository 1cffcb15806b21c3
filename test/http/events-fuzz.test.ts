import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FuzzOutcomes } from '../support/fuzz-outcomes.js';
import { PUBLISHABLE_KEY, startTestAttune, type TestAttune } from '../support/test-attune.js';

let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
});
afterAll(() => node.dispose());

const outcomes = new FuzzOutcomes();

/** Events that are nearly right: a valid base with one field replaced by random JSON. */
const field = fc.constantFrom(
  'type',
  'event',
  'userId',
  'anonymousId',
  'timestamp',
  'properties',
  'traits',
  'context',
  'messageId',
  'originalTimestamp',
  'sentAt',
);
const base = fc.constantFrom(
  { type: 'track', event: 'Product Viewed', userId: 'fz', properties: { product_id: 'p', price: 1.5 } },
  {
    type: 'track',
    event: 'Order Completed',
    userId: 'fz',
    properties: { order_id: 'o', total: 3, products: [{ product_id: 'p', price: 3, quantity: 1 }] },
  },
  { type: 'identify', anonymousId: 'fz-a', traits: { email: 'x@example.com' } },
  { type: 'page', userId: 'fz', name: 'Home' },
);
const nearlyRight = fc
  .tuple(base, field, fc.jsonValue({ maxDepth: 3 }))
  .map(([event, key, value]) => ({ ...event, [key]: value }));
const moneyNoise = fc
  .tuple(base, fc.oneof(fc.double(), fc.string(), fc.integer({ min: -1e9, max: 1e18 })))
  .map(([event, price]) => ({
    ...event,
    properties: { product_id: 'p', price, total: price, quantity: price },
  }));
const anyEvent = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nearlyRight, moneyNoise);

/** One sound call per route, without its `type` (the route gives it), so that runs reach ingestion. */
const SOUND = {
  track: { event: 'Product Viewed', userId: 'fz', properties: { product_id: 'p', price: 1.5 } },
  identify: { anonymousId: 'fz-a', traits: { email: 'x@example.com' } },
  page: { userId: 'fz', name: 'Home' },
  screen: { anonymousId: 'fz-a', name: 'Basket' },
  group: { userId: 'fz', groupId: 'acme', traits: { name: 'Acme' } },
  alias: { userId: 'fz', previousId: 'fz-a' },
} as const;
const TYPES = Object.keys(SOUND) as (keyof typeof SOUND)[];

describe('fuzzing the ingestion routes', () => {
  it('POST /v1/batch never stores more than it accepted, nor anything of a refused envelope, and never answers 5xx', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(base, anyEvent), { maxLength: 8 }),
        fc.boolean(),
        // One envelope in ten is malformed (its events keyed by index, not listed): it stores nothing.
        fc.nat(9).map((draw) => draw === 0),
        async (events, secret, malformed) => {
          run += 1;
          // Fresh message ids, so that every accepted event is a new one.
          const batch = events.map((event, index) =>
            typeof event === 'object' && event !== null && !Array.isArray(event)
              ? { ...event, messageId: `fuzz-${run}-${index}` }
              : event,
          );
          const before = await node.store.countEvents();
          const response = await node.call('POST', '/v1/batch', {
            body: { batch: malformed ? { ...batch } : batch },
            ...(secret ? {} : { key: PUBLISHABLE_KEY }),
          });
          outcomes.check('POST /v1/batch', response);
          const stored = (await node.store.countEvents()) - before;
          if (response.status === 200) {
            const answer = response.json();
            outcomes.add('events of POST /v1/batch', answer.accepted, answer.rejected.length);
            expect(answer.accepted + answer.rejected.length).toBe(batch.length);
            expect(stored).toBeLessThanOrEqual(answer.accepted);
            for (const rejected of answer.rejected)
              expect(rejected.pointer.startsWith(`/batch/${rejected.index}`)).toBe(true);
          } else {
            expect(stored).toBe(0);
          }
        },
      ),
      { numRuns: 250 },
    );
    outcomes.expectReached('POST /v1/batch', { accepted: 150, refused: 8 });
    outcomes.expectReached('events of POST /v1/batch', { accepted: 150, refused: 150 });
  });

  it('single-event routes never answer 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          {
            arbitrary: fc.constantFrom(...TYPES).map((type): [string, unknown] => [type, SOUND[type]]),
            weight: 2,
          },
          { arbitrary: fc.tuple(fc.constantFrom(...TYPES), anyEvent), weight: 1 },
        ),
        async ([type, event]) => {
          const response = await node.call('POST', `/v1/${type}`, { body: event });
          outcomes.check(`POST /v1/${type}`, response);
          outcomes.count('POST /v1/{type}', response.status);
        },
      ),
      { numRuns: 240 },
    );
    for (const type of TYPES) outcomes.expectReached(`POST /v1/${type}`, { accepted: 8 });
    outcomes.expectReached('POST /v1/{type}', { refused: 20 });
  });

  it('profile routes never answer 5xx, whatever the id and body', async () => {
    // An anonymous visitor a publishable key may read, and a known customer with a token.
    await node.call('POST', '/v1/page', { body: { anonymousId: 'fz-anon', name: 'Home' } });
    await node.call('POST', '/v1/identify', { body: { userId: 'fz-known', traits: { country: 'GB' } } });
    const token: string = (
      await node.call('POST', '/v1/customer-tokens', { body: { userId: 'fz-known' } })
    ).json().token;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('fz-anon', 'fz-known')),
        fc.oneof(
          fc.jsonValue({ maxDepth: 2 }),
          fc.record({ personalization: fc.boolean(), analytics: fc.boolean() }, { requiredKeys: [] }),
        ),
        fc.boolean(),
        async (id, body, withToken) => {
          const path = `/v1/profiles/${encodeURIComponent(id)}`;
          outcomes.check('GET /v1/profiles/{id}', await node.call('GET', path, { key: PUBLISHABLE_KEY }));
          outcomes.check(
            'PUT /v1/profiles/{id}/consent',
            await node.call('PUT', `${path}/consent`, { body }),
          );
          outcomes.check(
            'GET /v1/profiles/{id}/export',
            await node.call('GET', `${path}/export`, {
              headers: { 'x-customer-token': withToken ? token : id },
              key: PUBLISHABLE_KEY,
            }),
          );
        },
      ),
      { numRuns: 150 },
    );
    outcomes.expectReached('GET /v1/profiles/{id}', { accepted: 12, refused: 40 });
    outcomes.expectReached('PUT /v1/profiles/{id}/consent', { accepted: 30, refused: 30 });
    // An export is accepted only with the token and the known id: one draw in eight, 19 of 150 on
    // average. 8 failed about once in a thousand runs; 3 fails once in two million.
    outcomes.expectReached('GET /v1/profiles/{id}/export', { accepted: 3, refused: 40 });
  });
});
