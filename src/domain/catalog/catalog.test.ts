import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Catalog } from './catalog.js';
import type { Product } from './product.js';

function product(id: string, overrides: Partial<Product> = {}): Product {
  return {
    id,
    title: `Product ${id}`,
    categories: [],
    attributes: {},
    price: { amount: 100, currency: 'GBP' },
    status: 'active',
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('Catalog', () => {
  it('changes its revision with every change to products, stock and collections', () => {
    const catalog = new Catalog();
    const revisions = [catalog.revision];
    const changed = () => {
      expect(revisions).not.toContain(catalog.revision);
      revisions.push(catalog.revision);
    };
    catalog.putProduct(product('a'));
    changed();
    catalog.setStock('a', 'london', 0);
    changed();
    catalog.replaceStock('a', new Map([['london', 3]]));
    changed();
    catalog.putCollection({
      id: 'c',
      title: 'C',
      productIds: ['a'],
      version: 1,
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    changed();
    catalog.removeCollection('c');
    changed();
    catalog.removeProduct('a');
    changed();
    catalog.getProduct('a');
    catalog.listProducts({ limit: 10 });
    expect(catalog.revision).toBe(revisions.at(-1));
  });

  it('lists by category prefix, brand and stock', () => {
    const catalog = new Catalog();
    catalog.putProduct(product('a', { categories: ['home/kitchen/mugs'], brand: 'Acme' }));
    catalog.putProduct(product('b', { categories: ['home/kitchenware'] }));
    catalog.putProduct(product('c', { categories: ['home/kitchen'], brand: 'acme' }));
    catalog.setStock('c', 'default', 0);

    const ids = (query: Parameters<Catalog['listProducts']>[0]) =>
      catalog.listProducts(query).items.map((item) => item.id);
    expect(ids({ category: 'home/kitchen', limit: 10 })).toEqual(['a', 'c']);
    expect(ids({ brand: 'ACME', limit: 10 })).toEqual(['a', 'c']);
    expect(ids({ inStock: true, limit: 10 })).toEqual(['a', 'b']);
    expect(ids({ inStock: false, limit: 10 })).toEqual(['c']);
  });

  it('counts a product without stock records as available, and any positive location as in stock', () => {
    const catalog = new Catalog();
    catalog.putProduct(product('a'));
    expect(catalog.isSellable('a')).toBe(true);
    catalog.setStock('a', 'london', 0);
    expect(catalog.isSellable('a')).toBe(false);
    catalog.setStock('a', 'leeds', 2);
    expect(catalog.isSellable('a')).toBe(true);
    expect(catalog.availableQuantity('a')).toBe(2);
    catalog.putProduct(product('a', { status: 'archived' }));
    expect(catalog.isSellable('a')).toBe(false);
  });

  it('pages through every matching product once, in id order, whatever the page size', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        (ids, limit) => {
          const catalog = new Catalog();
          ids.forEach((id) => catalog.putProduct(product(id)));
          const seen: string[] = [];
          let afterId: string | undefined;
          for (;;) {
            const page = catalog.listProducts({ limit, ...(afterId !== undefined && { afterId }) });
            seen.push(...page.items.map((item) => item.id));
            if (page.lastId === undefined) break;
            afterId = page.lastId;
          }
          expect(seen).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        },
      ),
    );
  });

  it('lists in id order however puts, removals and listings interleave (an import applied in slices)', () => {
    const step = fc.oneof(
      fc.record({ put: fc.string({ maxLength: 3 }) }),
      fc.record({ remove: fc.string({ maxLength: 3 }) }),
      fc.constant({ list: true }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const catalog = new Catalog();
        const held = new Set<string>();
        const listed = () => catalog.listProducts({ limit: 1_000 }).items.map((item) => item.id);
        for (const action of steps) {
          if ('put' in action) {
            catalog.putProduct(product(action.put));
            held.add(action.put);
          } else if ('remove' in action) {
            catalog.removeProduct(action.remove);
            held.delete(action.remove);
          } else listed();
        }
        expect(listed()).toEqual([...held].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      }),
    );
  });

  it('keeps a manual collection in its own order and evaluates rule-based ones', () => {
    const catalog = new Catalog();
    catalog.putProduct(product('a', { price: { amount: 500, currency: 'GBP' } }));
    catalog.putProduct(product('b', { price: { amount: 1500, currency: 'GBP' } }));
    catalog.putProduct(product('c', { status: 'archived' }));
    const base = { version: 1, updatedAt: '2026-01-01T00:00:00.000Z', title: 'x' };
    const manual = { ...base, id: 'm', productIds: ['b', 'missing', 'a', 'c'] };
    const cheap = { ...base, id: 'cheap', filter: { price: { lte: 1000 } } };
    catalog.putCollection(manual);
    catalog.putCollection(cheap);

    expect(catalog.collectionMembers(manual).map((p) => p.id)).toEqual(['b', 'a']);
    expect(catalog.collectionMembers(cheap).map((p) => p.id)).toEqual(['a']);
    expect(catalog.isInCollection('cheap', 'b')).toBe(false);
    expect(catalog.isInCollection('m', 'b')).toBe(true);
  });
});
