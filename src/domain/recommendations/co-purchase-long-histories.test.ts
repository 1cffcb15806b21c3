import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoPurchaseCounts } from './co-purchase-counts.js';
import { easeTrainingSet } from './ease-training-set.js';
import { trainEase } from './ease.js';
import { OnlineModel } from './online-model.js';

/**
 * Customers who buy more items than a history keeps in a short list (32): their list then grows in
 * place, and the counts look up only the items appended since they last read it.
 */
const ITEMS = Array.from({ length: 90 }, (_, index) => `p${index}`);

const orders = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 2 }), fc.subarray(ITEMS, { minLength: 1, maxLength: 25 })),
  { maxLength: 12 },
);

describe('co-purchase counts of customers with long histories', () => {
  it('train the same EASE as their histories, their orders interleaved', () => {
    fc.assert(
      fc.property(orders, (list) => {
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
        const fromHistories = easeTrainingSet(model.customers.values(), ITEMS.length);
        const fromCounts = model.coPurchases.trainingSet(ITEMS.length);
        expect(fromCounts?.items).toEqual(fromHistories.items);
        if (fromHistories.items.length < 2 || fromCounts === undefined) return;
        expect(trainEase(fromCounts, 5).weights).toEqual(trainEase(fromHistories, 5).weights);
      }),
      { numRuns: 60 },
    );
  });

  it('after a clear, read a list they read before whole again: its ids were given anew', () => {
    const list = ['a', 'b'];
    const counts = new CoPurchaseCounts();
    counts.addFirst('b', list);
    counts.clear();
    list.push('c');
    counts.addFirst('c', list);
    const fresh = new CoPurchaseCounts();
    fresh.addFirst('c', ['a', 'b', 'c']);
    expect([...counts.state()]).toEqual([...fresh.state()]);
  });
});
