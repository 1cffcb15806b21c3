import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interaction } from './interaction.js';
import { restoreStateRecord, stateRecordsOf, StateRecordError } from './model-state.js';
import { OnlineModel } from './online-model.js';

const products = Array.from({ length: 12 }, (_, index) => `p${index}`);
const customers = ['u1', 'u2', 'u3', 'u4'];
const MINUTE = 60_000;

const interaction = fc.record({
  customer: fc.constantFrom(...customers),
  productId: fc.constantFrom(...products),
  kind: fc.constantFrom('view' as const, 'view' as const, 'cart' as const, 'purchase' as const),
  quantity: fc.integer({ min: 1, max: 3 }),
  minutes: fc.integer({ min: 0, max: 90 }),
  basket: fc.constantFrom('o1', 'o2', 'o3', undefined),
  country: fc.constantFrom('gb', 'fr', undefined),
  segments: fc.constantFrom(['vip'], [], undefined),
});

type Drawn = typeof interaction extends fc.Arbitrary<infer T> ? T : never;

function interactionsOf(drawn: Drawn[]): Interaction[] {
  let at = Date.UTC(2026, 0, 1);
  return drawn.map(({ minutes, basket, country, segments, ...rest }) => {
    at += minutes * MINUTE;
    return {
      ...rest,
      at,
      ...(rest.kind === 'purchase' && basket !== undefined && { basket: `${rest.customer}-${basket}` }),
      ...(country !== undefined && { country }),
      ...(segments !== undefined && { segments }),
    };
  });
}

/** A small `keep` makes the neighbour lists fill and trim, as they do in a long history. */
const modelOf = () => new OnlineModel({ browsing: { keep: 3 } });

/** Everything a strategy can read of a model. */
function answersOf(model: OnlineModel, now: number) {
  const lists = [
    model.boughtTogether,
    model.browsing.next,
    model.browsing.previous,
    model.browsing.conversions,
  ];
  return {
    observed: model.observed,
    customers: [...model.customers],
    neighbours: products.map((item) => lists.map((list) => [list.neighbours(item, 50), list.totalOf(item)])),
    popularity: ['all', 'country:gb', 'segment:vip', 'discoveries'].flatMap((scope) =>
      (['popular', 'recent', 'trending'] as const).map((kind) => model.popularity.top(scope, kind, now, 20)),
    ),
    sessions: customers.map((customer) => model.browsing.sessions.latest(customer, now)),
  };
}

/** A copy of `model` through its records, as a snapshot would store them (JSON). */
function copyOf(model: OnlineModel): OnlineModel {
  const copy = modelOf();
  for (const record of stateRecordsOf(model))
    restoreStateRecord(copy, JSON.parse(JSON.stringify(record)) as unknown[]);
  return copy;
}

describe('an online model restored from its state records', () => {
  it('answers, and goes on learning, exactly as the model it was read from', () => {
    fc.assert(
      fc.property(
        fc.array(interaction, { minLength: 1, maxLength: 150 }),
        fc.array(interaction, { maxLength: 80 }),
        (before, after) => {
          const all = interactionsOf([...before, ...after]);
          const original = modelOf();
          all.slice(0, before.length).forEach((event) => original.observe(event));
          const restored = copyOf(original);
          for (const event of all.slice(before.length)) {
            original.observe(event);
            restored.observe(event);
          }
          const now = (all[all.length - 1] as Interaction).at + MINUTE;
          expect(answersOf(restored, now)).toEqual(answersOf(original, now));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a record it cannot read', () => {
    for (const record of [['?'], ['c', 'u1', 'not purchases'], ['o', 'z', 'p1', 1, []], ['x', 'NaN']])
      expect(() => restoreStateRecord(modelOf(), record)).toThrow(StateRecordError);
  });
});
