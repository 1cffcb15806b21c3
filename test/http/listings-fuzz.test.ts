import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FuzzOutcomes } from '../support/fuzz-outcomes.js';
import { PUBLISHABLE_KEY, productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
  for (const [index, category] of ['home/kitchen', 'home/candles', 'garden', 'home/kitchen'].entries())
    await node.call('PUT', `/v1/products/p${index}`, {
      body: productBody({ title: `white p${index}`, categories: [category] }),
    });
});
afterAll(() => node.dispose());

const outcomes = new FuzzOutcomes();

const body = fc.record(
  {
    userId: fc.oneof(fc.constant('u1'), fc.string()),
    category: fc.oneof(fc.constantFrom('home', 'Home/Kitchen', 'garden', 'nowhere'), fc.string()),
    query: fc.oneof(fc.constantFrom('white', 'p1', '  '), fc.string()),
    currency: fc.constantFrom('GBP', 'EUR', 'gbp', 'XYZ'),
    limit: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: -1, max: 200 }), fc.double()),
    cursor: fc.oneof(fc.base64String({ maxLength: 40 }), fc.string(), fc.constant('AAAAAA')),
    context: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: ['limit'] },
);

/** Requests the schema accepts, so most runs rank, price and page. */
const soundBody = fc.record(
  {
    userId: fc.constantFrom('u1', 'u2'),
    category: fc.constantFrom('home', 'Home/Kitchen', 'garden', 'nowhere'),
    query: fc.constantFrom('white', 'p1', 'white p2'),
    limit: fc.integer({ min: 1, max: 5 }),
    context: fc.record({ country: fc.constantFrom('GB', 'fr') }, { requiredKeys: [] }),
  },
  { requiredKeys: ['limit'] },
);

describe('fuzzing the listing route', () => {
  it('POST /v1/listings never answers 5xx and never repeats a product across its pages', async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(soundBody, body), async (request) => {
        const response = outcomes.check(
          'POST /v1/listings',
          await node.call('POST', '/v1/listings', { key: PUBLISHABLE_KEY, body: request }),
        );
        if (response.status !== 200) return;
        answered += 1;
        const seen: string[] = response.json().items.map((item: { productId: string }) => item.productId);
        let cursor: string | null = response.json().nextCursor;
        while (cursor !== null) {
          const next = await node.call('POST', '/v1/listings', {
            key: PUBLISHABLE_KEY,
            body: { ...request, cursor },
          });
          expect(next.status).toBe(200);
          seen.push(...next.json().items.map((item: { productId: string }) => item.productId));
          cursor = next.json().nextCursor;
        }
        expect(new Set(seen).size).toBe(seen.length);
      }),
      { numRuns: 300 },
    );
    expect(answered).toBeGreaterThan(20);
    outcomes.expectReached('POST /v1/listings', { accepted: 60, refused: 40 });
  });
});
