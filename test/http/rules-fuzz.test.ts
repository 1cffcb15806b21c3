import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectProblemUnlessOk } from '../support/problems.js';
import { startTestAttune, type TestAttune } from '../support/test-attune.js';

let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
});
afterAll(() => node.dispose());

/** Rules that are nearly right: real node shapes with random parts, nested a few levels. */
const leaf = fc.oneof(
  fc.record({
    trait: fc.oneof(fc.constantFrom('traits.country', 'computed.orderCount', 'loyalty.tier'), fc.string()),
    op: fc.string(),
    value: fc.jsonValue({ maxDepth: 1 }),
  }),
  fc.record({
    trait: fc.constant('traits.country'),
    op: fc.constantFrom('eq', 'in', 'gt', 'exists', 'contains'),
    value: fc.jsonValue({ maxDepth: 1 }),
  }),
  fc.record(
    {
      event: fc.string(),
      within: fc.oneof(fc.string(), fc.constantFrom('7d', '0d', '99999d')),
      count: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: ['event'] },
  ),
  fc.record({ segment: fc.string() }),
  fc.record({ context: fc.string(), op: fc.constant('eq'), value: fc.string() }),
  fc.jsonValue({ maxDepth: 2 }),
);
const rule = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.record({ all: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node;

describe('fuzzing the rule routes', () => {
  it('PUT /v1/segments/{id} never answers 5xx, whatever the rule', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(rule, fc.jsonValue({ maxDepth: 1 }), async (candidate, name) => {
        run += 1;
        expectProblemUnlessOk(
          await node.call('PUT', `/v1/segments/fuzz-${run}`, { body: { name, rule: candidate } }),
        );
        expectProblemUnlessOk(
          await node.call('PUT', `/v1/segments/fuzz-${run}`, { body: { name: 'ok', rule: candidate } }),
        );
      }),
      { numRuns: 300 },
    );
    await node.rules.backfill.idle();
  });

  it('PUT /v1/loyalty/program and PUT /v1/webhooks/{id} never answer 5xx', async () => {
    const tiers = fc.array(
      fc.record({
        id: fc.string(),
        minPoints: fc.integer({ min: -5, max: 10_000 }),
        perks: fc.jsonValue({ maxDepth: 1 }),
      }),
      { maxLength: 4 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            currency: fc.constantFrom('GBP', 'XXX', 'gbp'),
            pointsPerUnit: fc.oneof(fc.double(), fc.integer()),
            spendWindow: fc.string(),
            tiers,
          },
          { requiredKeys: [] },
        ),
        fc.record(
          { url: fc.oneof(fc.webUrl(), fc.string()), events: fc.array(fc.string()), secret: fc.string() },
          { requiredKeys: [] },
        ),
        async (program, webhook) => {
          expectProblemUnlessOk(await node.call('PUT', '/v1/loyalty/program', { body: program }));
          expectProblemUnlessOk(await node.call('PUT', '/v1/webhooks/fuzz', { body: webhook }));
        },
      ),
      { numRuns: 200 },
    );
    await node.rules.backfill.idle();
  });
});
