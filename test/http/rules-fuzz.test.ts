import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FuzzOutcomes } from '../support/fuzz-outcomes.js';
import { startTestAttune, type TestAttune } from '../support/test-attune.js';

let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
});
afterAll(() => node.dispose());

const outcomes = new FuzzOutcomes();

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

/** Rules the compiler accepts: every node kind, each operator with a value it takes. */
const scalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: -5, max: 500 }), fc.boolean());
const trait = fc.constantFrom(
  'traits.country',
  'computed.orderCount',
  'computed.lifetimeValue.GBP',
  'loyalty.tier',
);
const soundLeaf = fc.oneof(
  fc.record({ trait, op: fc.constantFrom('eq', 'neq', 'contains'), value: scalar }),
  fc.record({
    trait,
    op: fc.constantFrom('gt', 'gte', 'lt', 'lte'),
    value: fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.constant('2024-01-01T00:00:00Z')),
  }),
  fc.record({ trait, op: fc.constantFrom('in', 'nin'), value: fc.array(scalar, { maxLength: 3 }) }),
  fc.record({ trait, op: fc.constant('exists'), value: fc.boolean() }, { requiredKeys: ['trait', 'op'] }),
  fc.record({ trait, op: fc.constant('startsWith'), value: fc.string({ maxLength: 4 }) }),
  fc.record({
    context: fc.constantFrom('device', 'channel', 'page.type'),
    op: fc.constant('eq'),
    value: scalar,
  }),
  fc.record(
    {
      event: fc.constantFrom('Order Completed', 'Product Viewed'),
      within: fc.constantFrom('7d', '30d', '12h', '2w'),
      where: fc.record({ category: fc.constantFrom('home', 'Home/Candles') }),
      count: fc.record({ gte: fc.nat(5) }),
    },
    { requiredKeys: ['event'] },
  ),
  fc.record({
    event: fc.constant('Order Completed'),
    sum: fc.record({ property: fc.constant('total'), gte: fc.nat(10_000) }),
  }),
  fc.record({ segment: fc.constantFrom('vip', 'fuzz-1') }),
);
const soundRule = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    soundLeaf,
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node;

describe('fuzzing the rule routes', () => {
  it('PUT /v1/segments/{id} never answers 5xx, whatever the rule', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(soundRule, rule), fc.jsonValue({ maxDepth: 1 }), async (candidate, name) => {
        run += 1;
        outcomes.check(
          'PUT /v1/segments/{id}',
          await node.call('PUT', `/v1/segments/fuzz-${run}`, { body: { name, rule: candidate } }),
        );
        outcomes.check(
          'PUT /v1/segments/{id}',
          await node.call('PUT', `/v1/segments/fuzz-${run}`, { body: { name: 'ok', rule: candidate } }),
        );
      }),
      { numRuns: 150 },
    );
    await node.rules.backfill.idle();
    outcomes.expectReached('PUT /v1/segments/{id}', { accepted: 40, refused: 100 });
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
    /** Programs the API accepts: unique tier ids, thresholds that never fall, a window for spend tiers. */
    const soundProgram = fc
      .tuple(
        fc.constantFrom('GBP', 'EUR'),
        fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(0.5, 2.25)),
        fc.uniqueArray(fc.constantFrom('bronze', 'silver', 'gold', 'platinum'), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.boolean(),
      )
      .map(([currency, pointsPerUnit, ids, bySpend]) => ({
        currency,
        pointsPerUnit,
        ...(bySpend && { spendWindow: '365d' }),
        tiers: ids.map((id, index) => ({
          id,
          minPoints: index * 100,
          ...(bySpend && { minSpend: index * 5_000 }),
          perks: index === 0 ? {} : { percentOff: index * 5 },
        })),
      }));
    /** Webhooks the API accepts: public address literals (no DNS lookup), known events, a real secret. */
    const soundWebhook = fc.record({
      url: fc.constantFrom('https://93.184.215.14/attune', 'http://1.1.1.1/hooks?store=1'),
      events: fc.subarray(['segment.entered', 'segment.exited', 'loyalty.tier_changed'], { minLength: 1 }),
      secret: fc.base64String({ minLength: 32, maxLength: 48 }).map((text) => `whsec_${text}`),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          soundProgram,
          fc.record(
            {
              currency: fc.constantFrom('GBP', 'XXX', 'gbp'),
              pointsPerUnit: fc.oneof(fc.double(), fc.integer()),
              spendWindow: fc.string(),
              tiers,
            },
            { requiredKeys: [] },
          ),
        ),
        fc.oneof(
          soundWebhook,
          fc.record(
            { url: fc.oneof(fc.webUrl(), fc.string()), events: fc.array(fc.string()), secret: fc.string() },
            { requiredKeys: [] },
          ),
        ),
        async (program, webhook) => {
          outcomes.check(
            'PUT /v1/loyalty/program',
            await node.call('PUT', '/v1/loyalty/program', { body: program }),
          );
          outcomes.check(
            'PUT /v1/webhooks/{id}',
            await node.call('PUT', '/v1/webhooks/fuzz', { body: webhook }),
          );
        },
      ),
      { numRuns: 120 },
    );
    await node.rules.backfill.idle();
    outcomes.expectReached('PUT /v1/loyalty/program', { accepted: 25, refused: 25 });
    outcomes.expectReached('PUT /v1/webhooks/{id}', { accepted: 20, refused: 25 });
  });
});
