import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerHistories, estimateHistoryBytes } from './customer-histories.js';
import { emptyHistory, historyFrom } from './customer-history.js';
import type { Interaction } from './interaction.js';
import { OnlineModel } from './online-model.js';

const products = Array.from({ length: 10 }, (_, index) => `p${index}`);
const customers = ['u1', 'u2', 'u3', 'u4', 'u5'];

const interactions = fc
  .array(
    fc.record({
      customer: fc.constantFrom(...customers),
      productId: fc.constantFrom(...products),
      kind: fc.constantFrom('view' as const, 'cart' as const, 'purchase' as const),
      quantity: fc.integer({ min: 1, max: 3 }),
      basket: fc.constantFrom('o1', 'o2', undefined),
    }),
    { minLength: 1, maxLength: 120 },
  )
  .map((drawn) =>
    drawn.map(({ basket, ...rest }, index): Interaction => ({
      ...rest,
      at: 1_000 * (index + 1),
      ...(rest.kind === 'purchase' && basket !== undefined && { basket: `${rest.customer}-${basket}` }),
    })),
  );

/** Everything a strategy can read of a model's shared state. */
function sharedOf(model: OnlineModel) {
  return {
    observed: model.observed,
    together: products.map((item) => model.boughtTogether.neighbours(item, 50)),
    conversions: products.map((item) => model.browsing.conversions.neighbours(item, 50)),
    popularity: ['all', 'discoveries'].map((scope) => model.popularity.top(scope, 'popular', 200_000, 20)),
  };
}

describe('CustomerHistories', () => {
  it('drops the least recently used histories until the estimate is within its budget', () => {
    const history = () => ({ ...emptyHistory(), viewed: ['a', 'b'] });
    const one = estimateHistoryBytes(history());
    const cache = new CustomerHistories(3 * one);
    for (const customer of ['a', 'b', 'c', 'd']) cache.set(customer, history());
    expect(cache.size).toBe(4);
    cache.get('a');
    cache.trim();
    expect([...cache.keys()]).toEqual(['c', 'd', 'a']);
    expect(cache.bytes).toBeLessThanOrEqual(cache.budgetBytes);
    expect(cache.evicted).toBe(1);
  });

  it('leaves a history just read among the newest quarter, so the oldest three quarters go first', () => {
    const keys = fc.constantFrom(...Array.from({ length: 40 }, (_, index) => `c${index}`));
    const operations = fc.array(fc.record({ read: fc.boolean(), customer: keys }), { maxLength: 400 });
    fc.assert(
      fc.property(operations, (steps) => {
        const cache = new CustomerHistories();
        for (const { read, customer } of steps) {
          if (!read) cache.set(customer, emptyHistory());
          else if (cache.get(customer) !== undefined) {
            const order = [...cache.keys()];
            const newer = order.length - 1 - order.indexOf(customer);
            expect(newer).toBeLessThanOrEqual(order.length >> 2);
          }
        }
      }),
    );
  });

  it('tells the events a loaded history was loaded with, and no others', () => {
    const cache = new CustomerHistories();
    cache.set('a', emptyHistory(), ['evt-1', 'evt-2']);
    cache.set('b', emptyHistory());
    expect(['evt-1', 'evt-2', 'evt-3'].map((id) => cache.hasFolded('a', id))).toEqual([true, true, false]);
    expect([cache.hasFolded('b', 'evt-1'), cache.hasFolded('nobody', 'evt-1')]).toEqual([false, false]);
    // Held anew, as learnt rather than loaded: nothing is folded in.
    cache.set('a', emptyHistory());
    expect(cache.hasFolded('a', 'evt-1')).toBe(false);
  });

  it('keeps its estimate in step as histories grow and leave', () => {
    const cache = new CustomerHistories();
    const history = emptyHistory();
    cache.set('a', history);
    history.viewed = ['x', 'y', 'z'];
    cache.resize('a');
    expect(cache.bytes).toBe(estimateHistoryBytes(history));
    cache.delete('a');
    expect(cache.bytes).toBe(0);
  });
});

describe('a customer history loaded back from their interactions', () => {
  it('is the history the online model holds after learning them', () => {
    fc.assert(
      fc.property(interactions, (all) => {
        const model = new OnlineModel();
        for (const interaction of all) model.observe(interaction);
        for (const customer of customers) {
          const own = all.filter((interaction) => interaction.customer === customer);
          if (own.length === 0) expect(model.customers.has(customer)).toBe(false);
          else expect(historyFrom(own)).toEqual(model.customers.get(customer));
        }
      }),
    );
  });

  it('lets a model that holds one customer at a time learn exactly what a model holding all does', () => {
    fc.assert(
      fc.property(interactions, (all) => {
        const whole = new OnlineModel();
        const bounded = new OnlineModel({ customerBudgetBytes: 1 });
        all.forEach((interaction, index) => {
          whole.observe(interaction);
          // What a node does before it learns about a customer it no longer holds: load them back.
          if (!bounded.customers.has(interaction.customer)) {
            const earlier = all.slice(0, index).filter((other) => other.customer === interaction.customer);
            if (earlier.length > 0) bounded.customers.set(interaction.customer, historyFrom(earlier));
          }
          bounded.observe(interaction);
          bounded.customers.trim();
        });
        expect(sharedOf(bounded)).toEqual(sharedOf(whole));
        expect(bounded.customers.size).toBeLessThanOrEqual(1);
        for (const [customer, history] of bounded.customers)
          expect(history).toEqual(whole.customers.get(customer));
      }),
    );
  });
});
