import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblemUnlessOk } from '../support/problems.js';
import { PUBLISHABLE_KEY, startTestAttune, type TestAttune } from '../support/test-attune.js';

let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
});
afterAll(() => node.dispose());

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

describe('fuzzing the ingestion routes', () => {
  it('POST /v1/batch never stores more than it accepted, nor anything of a refused envelope, and never answers 5xx', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(anyEvent, { maxLength: 8 }), fc.boolean(), async (events, secret) => {
        run += 1;
        // Fresh message ids, so that every accepted event is a new one.
        const batch = events.map((event, index) =>
          typeof event === 'object' && event !== null && !Array.isArray(event)
            ? { ...event, messageId: `fuzz-${run}-${index}` }
            : event,
        );
        const before = await node.store.countEvents();
        const response = await node.call('POST', '/v1/batch', {
          body: { batch },
          ...(secret ? {} : { key: PUBLISHABLE_KEY }),
        });
        expectProblemUnlessOk(response);
        const stored = (await node.store.countEvents()) - before;
        if (response.status === 200) {
          const answer = response.json();
          expect(answer.accepted + answer.rejected.length).toBe(batch.length);
          expect(stored).toBeLessThanOrEqual(answer.accepted);
          for (const rejected of answer.rejected)
            expect(rejected.pointer.startsWith(`/batch/${rejected.index}`)).toBe(true);
        } else {
          expect(stored).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('single-event routes never answer 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('track', 'identify', 'page', 'screen', 'group', 'alias'),
        anyEvent,
        async (type, event) => {
          expectProblemUnlessOk(await node.call('POST', `/v1/${type}`, { body: event }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('profile routes never answer 5xx, whatever the id and body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.jsonValue({ maxDepth: 2 }), async (id, body) => {
        const path = `/v1/profiles/${encodeURIComponent(id)}`;
        expectProblemUnlessOk(await node.call('GET', path, { key: PUBLISHABLE_KEY }));
        expectProblemUnlessOk(await node.call('PUT', `${path}/consent`, { body }));
        expectProblemUnlessOk(
          await node.call('GET', `${path}/export`, {
            headers: { 'x-customer-token': id },
            key: PUBLISHABLE_KEY,
          }),
        );
      }),
      { numRuns: 200 },
    );
  });
});
