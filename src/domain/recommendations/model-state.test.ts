import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interaction } from './interaction.js';
import type { CoPurchaseRecord } from './co-purchase-reading.js';
import { restoreStateRecord, stateRecordsOf, StateRecordError, type StateRecord } from './model-state.js';
import { OnlineModel } from './online-model.js';
import { PAUSE, type Pause } from './state-pause.js';

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
    coPurchases: [...model.coPurchases.state()].filter(isRecord),
    easeTrainingSet: trainingSetOf(model),
  };
}

/**
 * The records of `model` as a snapshot before stop 51 held its co-purchase counts: `q`, each
 * product's pairs with the products after it, by name.
 */
function olderRecordsOf(model: OnlineModel): StateRecord[] {
  const records = [...stateRecordsOf(model)].filter(isRecord);
  const counts = records.filter(([tag]) => tag === 'r') as unknown as ['r', ...CoPurchaseRecord][];
  const names = counts.map(([, item]) => item);
  const later = names.map((): [string, number][] => []);
  for (const [higher, [, , , pairs]] of counts.entries())
    for (let at = 0; at < pairs.length; at += 2)
      later[pairs[at] as number]?.push([names[higher] as string, pairs[at + 1] as number]);
  return records.map((record) => {
    if (record[0] !== 'r') return record;
    const [, item, buyers, , followed, bornAt] = record as ['r', ...CoPurchaseRecord];
    return ['q', item, buyers, later[names.indexOf(item)], followed, bornAt];
  });
}

/** EASE's training set from the counts, its pairs as sorted triples of names: the same whatever ids were given. */
function trainingSetOf(model: OnlineModel) {
  const set = model.coPurchases.trainingSet(products.length);
  if (set === undefined || !('counts' in set)) return set;
  const triples: string[] = [];
  for (const chunk of set.counts.pairs)
    for (let at = 0; at < chunk.length; at += 3) {
      const names = [set.items[chunk[at] as number], set.items[chunk[at + 1] as number]].sort();
      triples.push(`${names.join(' ')} ${chunk[at + 2]}`);
    }
  return { items: set.items, buyers: [...set.counts.buyers], triples: triples.sort() };
}

/** Each product's pairs as (name, name, count), sorted: the counts whatever ids they were given. */
function namedCounts(records: readonly CoPurchaseRecord[]): string[] {
  const names = records.map(([item]) => item);
  const pairs: string[] = [];
  for (const [higher, [, , list]] of records.entries())
    for (let at = 0; at < list.length; at += 2)
      pairs.push([names[list[at] as number], names[higher]].sort().join(' ') + ` ${list[at + 1]}`);
  const rest = records.map(([item, buyers, , followed, bornAt]) => `${item} ${buyers} ${followed} ${bornAt}`);
  return [...pairs, ...rest].sort();
}

/** A record of the state, not a pause: what a snapshot writes. */
const isRecord = <T>(step: T | Pause): step is T => step !== PAUSE;

/** A copy of `model` through its records, as a snapshot would store them (JSON). */
function copyOf(model: OnlineModel): OnlineModel {
  const copy = modelOf();
  for (const record of [...stateRecordsOf(model)].filter(isRecord))
    restoreStateRecord(copy, JSON.parse(JSON.stringify(record)) as unknown[]);
  return copy;
}

describe('an online model restored from its state records', () => {
  it('answers, and goes on learning, exactly as the model it was read from', () => {
    fc.assert(
      fc.property(
        fc.array(interaction, { minLength: 1, maxLength: 150, size: 'medium' }),
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

  it('reads the co-purchase counts of a snapshot written before stop 51, by name, into the same answers', () => {
    fc.assert(
      fc.property(fc.array(interaction, { minLength: 1, maxLength: 150, size: 'medium' }), (drawn) => {
        const events = interactionsOf(drawn);
        const original = modelOf();
        events.forEach((event) => original.observe(event));
        const restored = modelOf();
        for (const record of olderRecordsOf(original))
          restoreStateRecord(restored, JSON.parse(JSON.stringify(record)) as unknown[]);
        const now = (events[events.length - 1] as Interaction).at + MINUTE;
        const { coPurchases, ...rest } = answersOf(restored, now);
        const { coPurchases: expected, ...expectedRest } = answersOf(original, now);
        expect(rest).toEqual(expectedRest);
        // Ids were given in another order: the same counts, named.
        expect(namedCounts(coPurchases)).toEqual(namedCounts(expected));
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a record it cannot read', () => {
    for (const record of [['?'], ['c', 'u1', 'not purchases'], ['o', 'z', 'p1', 1, []], ['x', 'NaN']])
      expect(() => restoreStateRecord(modelOf(), record)).toThrow(StateRecordError);
  });

  it('refuses co-purchase counts that are not the next product, or name a product not before it', () => {
    const records = [
      [
        ['r', 'p0', 1, [], true, 0],
        ['r', 'p0', 1, [], true, 0],
      ],
      [
        ['r', 'p0', 1, [], true, 0],
        ['r', 'p1', 1, [1, 1], true, 0],
      ],
      [
        ['r', 'p0', 1, [], true, 0],
        ['r', 'p1', 1, [0], true, 0],
      ],
      [['r', 'p0', 1, [0.5, 1], true, 0]],
      [['r', 'p0', 1, [['p1', 1]], true, 0]],
    ];
    for (const list of records) {
      const model = modelOf();
      expect(() => list.forEach((record) => restoreStateRecord(model, record))).toThrow(StateRecordError);
    }
    const model = modelOf();
    restoreStateRecord(model, ['r', 'p0', 2, [], true, 0]);
    restoreStateRecord(model, ['r', 'p1', 2, [0, 2], true, 0]);
    expect([model.coPurchases.pairs, model.coPurchases.trainingSet(2)?.items]).toEqual([1, ['p0', 'p1']]);
  });
});
