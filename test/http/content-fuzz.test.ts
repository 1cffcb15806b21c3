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

const instant = fc.oneof(
  fc
    .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
    .map((date) => date.toISOString()),
  fc.string(),
);
const audience = fc.record(
  {
    segments: fc.array(fc.constantFrom('vip', 'new', ''), { maxLength: 2 }),
    countries: fc.oneof(fc.array(fc.constantFrom('FR', 'gb'), { maxLength: 2 }), fc.string()),
    devices: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }),
    pageTypes: fc.array(fc.constantFrom('home', 'product'), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const variant = fc.record(
  {
    id: fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.string()),
    audience,
    priority: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double()),
    startsAt: instant,
    endsAt: instant,
    payload: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: ['id', 'payload'] },
);

const isoInstant = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
  .map((date) => date.toISOString());
const soundVariant = fc.record(
  {
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    audience: fc.record(
      {
        segments: fc.array(fc.constantFrom('vip', 'new'), { maxLength: 2 }),
        countries: fc.array(fc.constantFrom('FR', 'gb'), { maxLength: 2 }),
        devices: fc.array(fc.constantFrom('mobile', 'desktop'), { maxLength: 1 }),
      },
      { requiredKeys: [] },
    ),
    priority: fc.integer({ min: -3, max: 3 }),
    startsAt: isoInstant,
    payload: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: ['id', 'payload'] },
);

describe('fuzzing the content routes', () => {
  it('PUT /v1/content/slots/{slot} and POST /v1/content:resolve never answer 5xx; a stored slot always shows a variant', async () => {
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(variant, { maxLength: 5 }),
          // With a sound default in front, most slots are stored and reach the chooser.
          fc
            .uniqueArray(soundVariant, { maxLength: 4, selector: (entry) => entry.id })
            .map((rest) => [{ id: 'default-0', payload: { n: 1 } }, ...rest]),
        ),
        fc.oneof(
          fc.record(
            { country: fc.constantFrom('fr', 'GB'), device: fc.constantFrom('mobile', 'desktop') },
            { requiredKeys: [] },
          ),
          fc.jsonValue({ maxDepth: 2 }),
        ),
        async (variants, context) => {
          const put = outcomes.check(
            'PUT /v1/content/slots/{slot}',
            await node.call('PUT', '/v1/content/slots/fuzz', { body: { variants } }),
          );
          const resolved = outcomes.check(
            'POST /v1/content:resolve',
            await node.call('POST', '/v1/content:resolve', {
              key: PUBLISHABLE_KEY,
              body: { slots: ['fuzz'], context },
            }),
          );
          if (put.status < 300 && resolved.status === 200) {
            stored += 1;
            const ids = (put.json().variants as { id: string }[]).map((entry) => entry.id);
            expect(ids).toContain(resolved.json().slots.fuzz.variantId);
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(stored).toBeGreaterThan(20);
    outcomes.expectReached('PUT /v1/content/slots/{slot}', { accepted: 60, refused: 60 });
    outcomes.expectReached('POST /v1/content:resolve', { accepted: 80, refused: 40 });
  });
});
