import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoPurchaseCounts } from './co-purchase-counts.js';
import { easeTrainingSet } from './ease-training-set.js';
import { trainEase } from './ease.js';
import { restoreStateRecord, stateRecordsOf } from './model-state.js';
import { OnlineModel } from './online-model.js';

const ITEMS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

/** Orders as (customer, items) in arrival order: a customer may buy an item again. */
const orders = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.subarray(ITEMS, { minLength: 1 })), {
  maxLength: 40,
});

function learnt(list: readonly (readonly [number, readonly string[]])[]): OnlineModel {
  const model = new OnlineModel();
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

/** EASE from the counts and from the histories: the same weights, bit for bit. */
function expectSameEase(model: OnlineModel, maxItems = ITEMS.length): void {
  const fromHistories = easeTrainingSet(model.customers.values(), maxItems);
  const fromCounts = model.coPurchases.trainingSet(maxItems);
  expect(fromCounts.items).toEqual(fromHistories.items);
  if (fromHistories.items.length < 2) return;
  expect(trainEase(fromCounts, 5).weights).toEqual(trainEase(fromHistories, 5).weights);
}

describe('co-purchase counts', () => {
  it('train the same EASE as every customer’s history, whatever the orders', () => {
    fc.assert(fc.property(orders, (list) => expectSameEase(learnt(list))));
  });

  it('pick the same items when fewer than the catalogue fit', () => {
    fc.assert(fc.property(orders, (list) => expectSameEase(learnt(list), 3)));
  });

  it('follow a merge of two held customers', () => {
    fc.assert(
      fc.property(orders, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (list, a, b) => {
        fc.pre(a !== b);
        const model = learnt(list);
        model.merge(`u${a}`, `u${b}`);
        expect(model.coPurchases.exact).toBe(true);
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
          restoreStateRecord(copy, JSON.parse(JSON.stringify(record)) as unknown[]);
        expect(copy.coPurchases.exact).toBe(true);
        const restored = copy.coPurchases.trainingSet(ITEMS.length);
        const original = model.coPurchases.trainingSet(ITEMS.length);
        expect(restored.items).toEqual(original.items);
        if (original.items.length >= 2) expect(trainEase(restored, 5)).toEqual(trainEase(original, 5));
      }),
    );
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
    merged.merge('u0', 'u9');
    expect(merged.coPurchases.exact).toBe(false);
  });

  it('are given up past their bound, kept no more until cleared, and counted afresh after', () => {
    const counts = new CoPurchaseCounts(5);
    counts.addCustomer(['a', 'b', 'c'], 1);
    expect([counts.pairs, counts.exact]).toEqual([3, true]);
    counts.addCustomer(['d', 'e', 'f'], 1);
    expect([counts.pairs, counts.exact]).toEqual([0, false]);
    counts.addFirst('g', ['a', 'b']);
    counts.addCustomer(['a', 'g'], 1);
    counts.restoreItem('a', 2, [['b', 1]]);
    expect([counts.pairs, counts.exact]).toEqual([0, false]);
    counts.clear();
    counts.addCustomer(['a', 'b', 'c'], 1);
    counts.addCustomer(['a', 'b'], -1);
    expect([counts.pairs, counts.exact, counts.buyersOf('c')]).toEqual([2, true, 1]);
  });

  it('are left out of a snapshot when not exact, so a restored model does not train from them', () => {
    const model = learnt([
      [0, ['a', 'b']],
      [1, ['a', 'b']],
    ]);
    model.coPurchases.exact = false;
    const copy = new OnlineModel();
    copy.coPurchases.exact = false;
    for (const record of stateRecordsOf(model, false)) restoreStateRecord(copy, record);
    expect(copy.coPurchases.exact).toBe(false);
    expect(copy.coPurchases.buyersOf('a')).toBe(0);
  });
});
