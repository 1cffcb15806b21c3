import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoPurchaseCounts } from './co-purchase-counts.js';
import { easeTrainingSet } from './ease-training-set.js';
import { trainEase } from './ease.js';
import { restoreStateRecord, stateRecordsOf } from './model-state.js';
import { OnlineModel } from './online-model.js';
import { PAUSE } from './state-pause.js';

const ITEMS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

/** Orders as (customer, items) in arrival order: a customer may buy an item again. */
const orders = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.subarray(ITEMS, { minLength: 1 })), {
  maxLength: 40,
});

/** Bounds on the pairs small enough that a few orders pass them, and how many items EASE covers. */
const smallBound = fc.integer({ min: 1, max: 12 });
const easeItems = fc.integer({ min: 2, max: ITEMS.length });

function learnt(
  list: readonly (readonly [number, readonly string[]])[],
  coPurchasePairs?: number,
): OnlineModel {
  const model = new OnlineModel({ ...(coPurchasePairs !== undefined && { coPurchasePairs }) });
  for (const [index, [customer, items]] of list.entries())
    for (const productId of items)
      model.observe({
        customer: `u${customer}`,
        productId,
        kind: 'purchase',
        quantity: 1,
        at: index,
        basket: `o${index}`,
      });
  return model;
}

/**
 * EASE from the counts and from the histories (of the items the counts follow): the same weights,
 * bit for bit.
 */
function expectSameEase(model: OnlineModel, maxItems = ITEMS.length): void {
  const followed = (item: string): boolean => model.coPurchases.follows(item);
  const fromHistories = easeTrainingSet(model.customers.values(), maxItems, followed);
  const fromCounts = model.coPurchases.trainingSet(maxItems);
  if (fromCounts === undefined) throw new Error('the counts gave no training set');
  expect(fromCounts.items).toEqual(fromHistories.items);
  if (fromHistories.items.length < 2) return;
  expect(trainEase(fromCounts, 5).weights).toEqual(trainEase(fromHistories, 5).weights);
}

/**
 * {@link CoPurchaseCounts.state} with each item's pairs by name, in name order (a table's own order
 * is its layout's).
 */
function sortedState(counts: CoPurchaseCounts) {
  const records = [...counts.state()].filter((step) => step !== PAUSE);
  const names = records.map(([item]) => item);
  return records.map(([item, buyers, pairs, ...rest]) => {
    const named: [string, number][] = [];
    for (let at = 0; at < pairs.length; at += 2)
      named.push([names[pairs[at] as number] as string, pairs[at + 1] as number]);
    return [item, buyers, named.sort(([a], [b]) => (a < b ? -1 : 1)), ...rest];
  });
}

/** The training set's items and buyers, and its (row, column, count) triples in order. */
function sortedTriples(counts: CoPurchaseCounts, maxItems: number) {
  const set = counts.trainingSet(maxItems);
  if (set === undefined || !('counts' in set)) return set;
  const triples: number[][] = [];
  for (const chunk of set.counts.pairs)
    for (let index = 0; index < chunk.length; index += 3) triples.push([...chunk.subarray(index, index + 3)]);
  return {
    items: set.items,
    buyers: set.counts.buyers,
    triples: triples.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!),
  };
}

describe('co-purchase counts', () => {
  it('train the same EASE as every customer’s history, whatever the orders', () => {
    fc.assert(fc.property(orders, (list) => expectSameEase(learnt(list))));
  });

  it('train the same EASE for customers past a short history (32 items), their orders interleaved', () => {
    const many = Array.from({ length: 90 }, (_, index) => `p${index}`);
    const customer = fc.integer({ min: 0, max: 2 });
    const long = fc.array(fc.tuple(customer, fc.subarray(many, { minLength: 1, maxLength: 25 })), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(long, (list) => expectSameEase(learnt(list), many.length)),
      { numRuns: 60 },
    );
  });

  it('pick the same items when fewer than the catalogue fit', () => {
    fc.assert(fc.property(orders, (list) => expectSameEase(learnt(list), 3)));
  });

  it('follow a merge of two held customers', () => {
    fc.assert(
      fc.property(orders, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (list, a, b) => {
        fc.pre(a !== b);
        const model = learnt(list);
        model.merge({ from: `u${a}`, into: `u${b}` });
        expect(model.coPurchases.exact).toBe(true);
        expectSameEase(model);
      }),
    );
  });

  it('follow a merge of two held customers past their bound too', () => {
    const customer = fc.integer({ min: 0, max: 5 });
    fc.assert(
      fc.property(orders, customer, customer, smallBound, (list, a, b, bound) => {
        fc.pre(a !== b);
        const model = learnt(list, bound);
        model.merge({ from: `u${a}`, into: `u${b}` });
        expect(model.coPurchases.pairs).toBeLessThanOrEqual(bound);
        expectSameEase(model);
      }),
    );
  });

  it('come back the same from a snapshot’s records', () => {
    fc.assert(
      fc.property(orders, (list) => {
        const model = learnt(list);
        const copy = new OnlineModel();
        copy.coPurchases.exact = false;
        for (const record of stateRecordsOf(model, false))
          if (record !== PAUSE) restoreStateRecord(copy, JSON.parse(JSON.stringify(record)) as unknown[]);
        expect(copy.coPurchases.exact).toBe(true);
        const restored = copy.coPurchases.trainingSet(ITEMS.length);
        const original = model.coPurchases.trainingSet(ITEMS.length);
        if (restored === undefined || original === undefined) throw new Error('a training set was declined');
        expect(restored.items).toEqual(original.items);
        if (original.items.length >= 2) expect(trainEase(restored, 5)).toEqual(trainEase(original, 5));
      }),
    );
  });

  it('pause while a snapshot regroups their pairs, before the first record, and give the same records', () => {
    const counts = new CoPurchaseCounts();
    for (const basket of [
      ['a', 'b', 'c', 'd'],
      ['b', 'c', 'e'],
      ['a', 'e', 'f'],
    ])
      counts.addCustomer(basket, 1);
    expect(counts.pairs).toBe(11);
    const steps = [...counts.state(3)];
    const firstRecord = steps.findIndex((step) => step !== PAUSE);
    // Two passes over the tables, a pause once 3 pairs or more were visited since the last.
    expect(steps.slice(0, firstRecord).every((step) => step === PAUSE)).toBe(true);
    expect(firstRecord).toBeGreaterThanOrEqual(4);
    expect(steps.slice(firstRecord).includes(PAUSE)).toBe(false);
    expect(steps.slice(firstRecord)).toEqual([...counts.state(Number.POSITIVE_INFINITY)]);
  });

  it('are not exact after what they cannot follow: a purchase folded into a loaded history, a merge of one not held', () => {
    const folded = learnt([[0, ['a', 'b']]]);
    folded.observe(
      { customer: 'u0', productId: 'c', kind: 'purchase', quantity: 1, at: 9, basket: 'x' },
      true,
    );
    expect(folded.coPurchases.exact).toBe(false);

    const merged = learnt([[0, ['a', 'b']]]);
    merged.customers.complete = false;
    merged.merge({ from: 'u0', into: 'u9' });
    expect(merged.coPurchases.exact).toBe(false);
  });

  it('follow a merge of a profile that bought nothing into one not held, whether the first is held or not', () => {
    fc.assert(
      fc.property(orders, fc.integer({ min: 0, max: 5 }), fc.boolean(), (list, b, visitorHeld) => {
        const visitor = 'anonymous';
        const browse = { customer: visitor, productId: 'a', kind: 'view', quantity: 1, at: 99 } as const;
        // Every customer held: the merge as a node holding all of them makes it.
        const whole = learnt(list);
        whole.observe(browse);
        whole.merge({ from: visitor, into: `u${b}` });
        // The customer merged into is not held, nor perhaps the visitor, who is then known by their orders.
        const bounded = learnt(list);
        bounded.observe(browse);
        bounded.customers.complete = false;
        bounded.customers.delete(`u${b}`);
        if (!visitorHeld) bounded.customers.delete(visitor);
        bounded.merge({ from: visitor, into: `u${b}`, ...(!visitorHeld && { fromOrdered: false }) });
        expect(bounded.coPurchases.exact).toBe(true);
        expect(sortedState(bounded.coPurchases)).toEqual(sortedState(whole.coPurchases));
      }),
    );
  });

  it('past their bound, stop following the least bought items and still train the same EASE on the rest', () => {
    fc.assert(
      fc.property(orders, smallBound, easeItems, (list, bound, maxItems) => {
        const model = learnt(list, bound);
        expect(model.coPurchases.pairs).toBeLessThanOrEqual(bound);
        expectSameEase(model, maxItems);
      }),
    );
  });

  it('past their bound, keep following the most bought items, and EASE covers the most bought of those', () => {
    const counts = new CoPurchaseCounts(4);
    for (let customer = 0; customer < 10; customer += 1) counts.addCustomer(['a', 'b', 'c'], 1);
    counts.addCustomer(['a', 'x', 'y'], 1);
    expect([counts.follows('a'), counts.follows('b'), counts.follows('c')]).toEqual([true, true, true]);
    expect([counts.follows('x'), counts.follows('y'), counts.buyersOf('y')]).toEqual([false, false, 1]);
    expect(counts.pairs).toBe(3);
    expect(counts.trainingSet(3)?.items).toEqual(['a', 'b', 'c']);
    // Bought by two customers now, `x` would be among the most bought; its pairs are not all counted.
    counts.addCustomer(['x', 'z'], 1);
    expect(counts.buyersOf('x')).toBe(2);
    expect(counts.trainingSet(4)?.items).toEqual(['a', 'b', 'c']);
    // A product first bought after the prune is followed from its first purchase.
    expect(counts.follows('z')).toBe(true);
    counts.clear();
    counts.addCustomer(['x', 'y'], 1);
    expect([counts.follows('x'), counts.pairs]).toEqual([true, 1]);
  });

  it('past their bound, sweep the dropped pairs out over later purchases and answer all along as if at once', () => {
    const baskets = fc.array(fc.subarray(ITEMS, { minLength: 1 }), { maxLength: 40 });
    fc.assert(
      fc.property(baskets, smallBound, easeItems, (list, bound, maxItems) => {
        const atOnce = new CoPurchaseCounts(bound, Number.POSITIVE_INFINITY);
        // A table has 4 slots at least: one list a purchase, or less.
        const slowly = new CoPurchaseCounts(bound, 1);
        for (const basket of list) {
          for (const counts of [atOnce, slowly]) counts.addCustomer(basket, 1);
          expect(slowly.pairs).toBe(atOnce.pairs);
          expect(sortedState(slowly)).toEqual(sortedState(atOnce));
          expect(sortedTriples(slowly, maxItems)).toEqual(sortedTriples(atOnce, maxItems));
        }
      }),
    );
  });

  it('past their bound, never drop an item with no pairs: it frees nothing (a review found `solo` dropped)', () => {
    const counts = new CoPurchaseCounts(10);
    counts.addFirst('solo', []);
    for (let customer = 0; customer < 2; customer += 1) counts.addCustomer(['a', 'b', 'c', 'd', 'e', 'f'], 1);
    expect(counts.pairs).toBeLessThanOrEqual(10);
    expect([counts.follows('solo'), counts.follows('f')]).toEqual([true, false]);
  });

  it('past their bound, judge an item by how fast it sold since first seen: a product launched lately outlives old ones as bought', () => {
    const counts = new CoPurchaseCounts(20);
    for (let old = 0; old < 15; old += 1) counts.addFirst(`o${old}`, []);
    for (let old = 0; old < 15; old += 1) counts.addFirst('p', [`o${old}`]);
    counts.addFirst('q', ['p', 'o0']);
    // Bought once, as each `o` is, but lately; last by name, so the first dropped by buyers alone.
    counts.addFirst('zz', []);
    counts.addFirst('p', ['zz']);
    for (const old of ['o1', 'o2', 'o3']) counts.addFirst('q', [old]);
    // 21 pairs: the prune frees 6, the pairs of the three `o`s seen first.
    expect(counts.pairs).toBe(15);
    expect(['zz', 'o0', 'o1', 'o2', 'o3'].map((item) => counts.follows(item))).toEqual([
      true,
      false,
      false,
      false,
      true,
    ]);
  });

  it('come back from a snapshot’s records with the items they no longer follow, and drop the same ones after', () => {
    fc.assert(
      fc.property(
        orders,
        smallBound,
        easeItems,
        fc.array(fc.subarray(ITEMS, { minLength: 2 }), { maxLength: 6 }),
        (list, bound, maxItems, laterCustomers) => {
          const model = learnt(list, bound);
          const copy = new OnlineModel({ coPurchasePairs: bound });
          for (const record of stateRecordsOf(model, false))
            restoreStateRecord(copy, JSON.parse(JSON.stringify(record)) as unknown[]);
          // New customers' purchases after the snapshot: prunes they cause must choose alike.
          for (const basket of laterCustomers)
            for (const counts of [model.coPurchases, copy.coPurchases]) counts.addCustomer(basket, 1);
          for (const item of ITEMS)
            expect(copy.coPurchases.follows(item)).toBe(model.coPurchases.follows(item));
          const restored = copy.coPurchases.trainingSet(maxItems);
          const original = model.coPurchases.trainingSet(maxItems);
          expect(restored?.items).toEqual(original?.items);
          if (restored !== undefined && original !== undefined && original.items.length >= 2)
            expect(trainEase(restored, 5)).toEqual(trainEase(original, 5));
        },
      ),
    );
  });

  it('after a snapshot that held none, keep none: no item is dropped for the buyers it had before (a review finding)', () => {
    const model = learnt(
      [
        [0, ['a', 'b', 'c']],
        [1, ['a', 'b', 'c']],
      ],
      3,
    );
    const copy = new OnlineModel({ coPurchasePairs: 3 });
    copy.coPurchases.keepNone();
    for (const record of stateRecordsOf(model, false))
      if (record !== PAUSE && !['e', 'q', 'r'].includes(record[0] as string))
        restoreStateRecord(copy, record);
    // Counted from here, `a`, `b` and `c` would have no buyers, and be dropped for `x`, `y`, `z`.
    copy.coPurchases.addCustomer(['x', 'y', 'z', 'w'], 1);
    expect(ITEMS.slice(0, 3).map((item) => copy.coPurchases.follows(item))).toEqual([true, true, true]);
    expect([copy.coPurchases.pairs, copy.coPurchases.exact]).toEqual([0, false]);
    // A snapshot of the copy says so, and the next restore keeps none either.
    const again = new OnlineModel({ coPurchasePairs: 3 });
    for (const record of stateRecordsOf(copy, false)) restoreStateRecord(again, record);
    expect([again.coPurchases.kept, again.coPurchases.exact]).toEqual([false, false]);
    again.clear();
    expect(again.coPurchases.kept).toBe(true);
  });

  it('come back from a snapshot not exact when they were not, so a restored model does not train from them', () => {
    const model = learnt([
      [0, ['a', 'b']],
      [1, ['a', 'b']],
    ]);
    model.coPurchases.exact = false;
    const copy = new OnlineModel();
    copy.coPurchases.exact = false;
    for (const record of stateRecordsOf(model, false)) restoreStateRecord(copy, record);
    expect(copy.coPurchases.exact).toBe(false);
    expect(copy.coPurchases.buyersOf('a')).toBe(2);
  });
});
