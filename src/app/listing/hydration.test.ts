import { describe, expect, it } from 'vitest';
import { Catalog, type Product } from '../../domain/catalog/index.js';
import { ProductHydrator, type HydratorDeps } from './hydration.js';

function variant(id: string): Product {
  return {
    id,
    title: id,
    categories: [],
    attributes: {},
    status: 'active',
    groupId: 'big-group',
    price: { amount: 100, currency: 'GBP' },
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** Cards read the catalogue alone: the hydrator's other parts are never reached here. */
function hydratorOver(catalog: Catalog): ProductHydrator {
  return new ProductHydrator({ catalog } as unknown as HydratorDeps);
}

describe('ProductHydrator cards', () => {
  it('keeps a card until the catalogue changes', () => {
    const catalog = new Catalog();
    catalog.putProduct(variant('v0'));
    const hydrator = hydratorOver(catalog);
    const card = hydrator.card('v0');
    expect(hydrator.card('v0')).toBe(card);
    catalog.putProduct({ ...variant('v0'), title: 'renamed' });
    expect(hydrator.card('v0')).toMatchObject({ title: 'renamed' });
  });

  it('builds cards afresh once those kept name 200,000 variants, however few the cards', () => {
    const catalog = new Catalog();
    const ids = Array.from({ length: 600 }, (_, index) => `v${index}`);
    for (const id of ids) catalog.putProduct(variant(id));
    const hydrator = hydratorOver(catalog);
    const first = hydrator.card('v0');
    expect(first?.variants).toHaveLength(599);
    // 599 variants a card: 333 cards stay under the bound, the 334th passes it, the next read starts afresh.
    for (const id of ids.slice(1, 333)) hydrator.card(id);
    expect(hydrator.card('v0')).toBe(first);
    hydrator.card('v333');
    expect(hydrator.card('v0')).not.toBe(first);
  });
});
