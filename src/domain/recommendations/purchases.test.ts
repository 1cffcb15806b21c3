import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Purchases, type PurchasedItem } from './purchases.js';

/** Purchases of items from a range wide enough to pass the point where an index is kept (32). */
const purchases = fc.array(
  fc.record({
    item: fc.integer({ min: 0, max: 80 }).map((n) => `p${n}`),
    orders: fc.integer({ min: 0, max: 2 }),
    quantity: fc.integer({ min: 1, max: 5 }),
    last: fc.integer({ min: 0, max: 2_000_000_000_000 }),
  }),
  { maxLength: 200 },
);

describe('purchases', () => {
  it('read as a Map of the same purchases reads, in the order first bought, before and after they are indexed', () => {
    fc.assert(
      fc.property(purchases, fc.integer({ min: 0, max: 80 }), (list, probe) => {
        const packed = new Purchases();
        const expected = new Map<string, PurchasedItem>();
        for (const { item, orders, quantity, last } of list) {
          packed.add(item, orders, quantity, last);
          const known = expected.get(item);
          expected.set(
            item,
            known === undefined
              ? { orders, quantity, last }
              : {
                  orders: known.orders + orders,
                  quantity: known.quantity + quantity,
                  last: Math.max(known.last, last),
                },
          );
        }
        expect([...packed]).toEqual([...expected]);
        expect([...packed.keys()]).toEqual([...expected.keys()]);
        expect(packed.size).toBe(expected.size);
        // A string equal to an item's id, not the same one, finds it.
        const asked = JSON.parse(`"p${probe}"`) as string;
        expect(packed.has(asked)).toBe(expected.has(asked));
        expect(packed.get(asked)).toEqual(expected.get(asked));
      }),
    );
  });
});
