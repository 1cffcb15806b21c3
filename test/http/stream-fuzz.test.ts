import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ERROR_CATALOG } from '../../src/adapters/http/error-catalog.js';
import { FuzzOutcomes } from '../support/fuzz-outcomes.js';
import {
  PUBLISHABLE_KEY,
  SECRET_KEY,
  productBody,
  startTestAttune,
  type TestAttune,
} from '../support/test-attune.js';

let node: TestAttune;
let base: string;
beforeAll(async () => {
  node = await startTestAttune();
  await node.call('PUT', '/v1/products/p1', { body: productBody({ title: 'p1' }) });
  await node.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(node.app.server.address() as AddressInfo).port}`;
});
afterAll(() => node.dispose());

const outcomes = new FuzzOutcomes();

const query = fc.dictionary(
  fc.oneof(
    fc.constantFrom('userId', 'anonymousId', 'key', 'token', 'currency', 'products', 'lastEventId'),
    fc.string({ maxLength: 8 }),
  ),
  fc.oneof(
    fc.constantFrom(PUBLISHABLE_KEY, SECRET_KEY, 'p1', 'p1,gone', 'GBP', 'eur', 'x.1', ''),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
  ),
  { maxKeys: 6 },
);

/** Queries that open a stream: a key, a visitor, and some of the page's context. */
const soundQuery = fc
  .record(
    {
      // Only a publishable key: a secret key in a URL is refused (it would end up in logs).
      key: fc.constant(PUBLISHABLE_KEY),
      anonymousId: fc.constantFrom('a-1', 'a-2'),
      userId: fc.constantFrom('u-1'),
      currency: fc.constantFrom('GBP', 'EUR'),
      country: fc.constantFrom('GB', 'FR'),
      products: fc.constantFrom('p1', 'p1,gone'),
    },
    { requiredKeys: ['key', 'anonymousId'] },
  )
  .map((record): Record<string, string> => record);

describe('GET /v1/stream under fuzzing', () => {
  it('opens a stream or answers a catalogued problem, and never fails', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(soundQuery, query),
        fc.option(fc.string({ maxLength: 40 })),
        async (params, lastEventId) => {
          const controller = new AbortController();
          const response = await fetch(`${base}/v1/stream?${new URLSearchParams(params).toString()}`, {
            signal: controller.signal,
            ...(lastEventId !== null &&
              /^[\x20-\x7e]*$/.test(lastEventId) && {
                headers: { 'last-event-id': lastEventId },
              }),
          });
          try {
            outcomes.count('GET /v1/stream', response.status);
            expect(response.status).toBeLessThan(500);
            if (response.status === 200) {
              expect(response.headers.get('content-type')).toContain('text/event-stream');
            } else {
              expect(response.headers.get('content-type')).toContain('application/problem+json');
              expect(Object.keys(ERROR_CATALOG)).toContain(
                ((await response.json()) as { code: string }).code,
              );
            }
          } finally {
            controller.abort();
          }
        },
      ),
      { numRuns: 120 },
    );
    outcomes.expectReached('GET /v1/stream', { accepted: 25, refused: 25 });
    expect((await node.call('GET', '/readyz')).status).toBe(200);
    // Every aborted stream was let go: no connection leaks.
    await vi.waitFor(() => expect(node.live.connections).toBe(0));
  });
});
