import { describe, expect, it } from 'vitest';
import {
  OnlineModel,
  trainEase as trainEaseWeights,
  type EaseTrainingSet,
} from '../../domain/recommendations/index.js';
import { trainEase, type EaseTrainingDeps } from './ease-training.js';

/** Orders of six customers over eight products, the first products the most bought. */
function learnt(coPurchasePairs: number): OnlineModel {
  const model = new OnlineModel({ coPurchasePairs });
  const baskets = [
    ['p1', 'p2', 'p3'],
    ['p1', 'p2', 'p4'],
    ['p1', 'p3', 'p5', 'p6', 'p7', 'p8'],
    ['p2', 'p3', 'p4'],
    ['p1', 'p2', 'p5'],
    ['p6', 'p7'],
  ];
  for (const [customer, basket] of baskets.entries())
    for (const productId of basket)
      model.observe({
        customer: `u${customer}`,
        productId,
        kind: 'purchase',
        quantity: 1,
        at: customer,
        basket: 'b',
      });
  return model;
}

/** Training sets are what the trainer is given; EASE is trained from each to compare the models. */
function deps(model: OnlineModel, sets: EaseTrainingSet[]): EaseTrainingDeps {
  const customers = [...model.customers].map(([id]) => id).sort();
  return {
    store: {
      scanProfileIds: (after: string | undefined, limit: number) =>
        Promise.resolve(customers.filter((id) => after === undefined || id > after).slice(0, limit)),
    },
    histories: {
      purchases: (customer: string) => {
        const history = model.customers.get(customer);
        if (history === undefined) throw new Error(`no history for ${customer}`);
        return Promise.resolve(history.purchases);
      },
    },
    trainer: {
      trainEase: (set, lambda) => {
        sets.push(set);
        return Promise.resolve(trainEaseWeights(set, lambda));
      },
    },
    settings: { denseItems: 5, easeLambda: 5 },
  };
}

describe('EASE training', () => {
  it('covers the same items from the counts, the held histories and the store, once the counts stopped following some', async () => {
    // Past 8 pairs the counts stop following p4 to p6, though each was bought by two customers: they
    // sold the slowest since first seen when the bound was passed.
    const model = learnt(8);
    expect(['p4', 'p5', 'p6', 'p7'].map((item) => model.coPurchases.follows(item))).toEqual([
      false,
      false,
      false,
      true,
    ]);
    const sets: EaseTrainingSet[] = [];
    const fromCounts = await trainEase(model, deps(model, sets));
    model.coPurchases.exact = false;
    const fromHeld = await trainEase(model, deps(model, sets));
    model.customers.complete = false;
    const fromStore = await trainEase(model, deps(model, sets));
    expect(sets.map((set) => 'counts' in set)).toEqual([true, false, false]);
    const fourFollowed = ['p1', 'p2', 'p3', 'p7'];
    expect(sets.map((set) => set.items)).toEqual([fourFollowed, fourFollowed, fourFollowed]);
    expect(fromHeld).toEqual(fromCounts);
    expect(fromStore).toEqual(fromCounts);
  });

  it('reads the counts a second time when a prune during the first dropped an item it had read', async () => {
    // Customer k buys i0 to ik: i0 has 40 buyers, i39 one; 780 pairs under a bound of 800.
    const model = new OnlineModel({ coPurchasePairs: 800 });
    const buy = (customer: string, items: string[]) => {
      for (const productId of items)
        model.observe({ customer, productId, kind: 'purchase', quantity: 1, at: 1, basket: 'b' });
    };
    const items = Array.from({ length: 40 }, (_, index) => `i${index}`);
    for (let customer = 0; customer < 40; customer += 1) buy(`c${customer}`, items.slice(0, customer + 1));
    const sets: EaseTrainingSet[] = [];
    // Queued first, so it runs while the first read pauses (after 17 of its 38 items, 527 pairs): new products
    // pass the bound, and the prune drops i35 to i39 (bought the slowest since first seen), among
    // them three the read had chosen.
    setImmediate(() => buy('newcomer', ['i0', ...Array.from({ length: 10 }, (_, index) => `n${index}`)]));
    const settings = { denseItems: 38, easeLambda: 5 };
    const ease = await trainEase(model, { ...deps(model, sets), settings, pairsPerStep: 500 });
    expect(items.filter((item) => !model.coPurchases.follows(item))).toEqual(items.slice(35));
    expect(sets.map((set) => 'counts' in set)).toEqual([true]);
    expect(sets[0]?.items).toEqual(items.slice(0, 35));
    model.coPurchases.exact = false;
    expect(await trainEase(model, { ...deps(model, sets), settings })).toEqual(ease);
  });
});
