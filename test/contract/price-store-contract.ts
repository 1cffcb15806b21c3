import { beforeAll, describe, expect, it } from 'vitest';
import type { ProductDraft } from '../../src/domain/catalog/index.js';
import { draftPriceList } from '../../src/domain/pricing/index.js';
import type { Store } from '../../src/ports/store.js';
import { useStoreFixture, type StoreFixture } from './store-contract.js';

const t0 = Date.parse('2026-06-01T00:00:00.000Z');
const product = (amount: number): ProductDraft => ({
  id: 'kettle',
  title: 'Kettle',
  categories: [],
  attributes: {},
  price: { amount, currency: 'GBP' },
  status: 'active',
});

/** Price lists and the price history the Omnibus rule reads, on every store. */
export function describePriceStoreContract(name: string, createFixture: () => Promise<StoreFixture>): void {
  describe(`Price store contract: ${name}`, () => {
    const storeOf = useStoreFixture(createFixture);
    let store: Store;
    beforeAll(() => {
      store = storeOf();
    });

    it('keeps price lists with versions and their history', async () => {
      const draft = draftPriceList('sale', {
        type: 'sale',
        currency: 'GBP',
        prices: [{ productId: 'kettle', amount: 900 }],
      });
      const first = await store.putPriceList(draft, { now: t0 });
      expect(first).toMatchObject({
        id: 'sale',
        version: 1,
        priority: 0,
        prices: [{ productId: 'kettle', amount: 900 }],
      });
      await store.putPriceList(
        { ...draft, prices: [{ productId: 'kettle', amount: 800 }] },
        { now: t0 + 10, ifVersion: 1 },
      );
      expect((await store.listPriceLists()).map((list) => list.version)).toEqual([2]);
      expect(await store.deletePriceList('sale', undefined, t0 + 20)).toBe(true);
      expect(await store.getPriceList('sale')).toBeUndefined();
      const history = await store.priceHistory(t0 - 1);
      expect(history.lists.map((version) => [version.list.prices?.[0], version.from, version.to])).toEqual([
        [{ productId: 'kettle', amount: 900 }, t0, t0 + 10],
        [{ productId: 'kettle', amount: 800 }, t0 + 10, t0 + 20],
      ]);
      expect((await store.priceHistory(t0 + 30)).lists).toEqual([]);
    });

    it('records base prices when they change, and only then', async () => {
      await store.putProduct(product(1000), { now: t0 });
      await store.putProduct(product(1000), { now: t0 + 5 });
      await store.putProducts([product(1200)], t0 + 10);
      const base = (await store.priceHistory(t0 - 1)).base.get('kettle');
      expect(base).toEqual([
        { amount: 1000, currency: 'GBP', from: t0, to: t0 + 10 },
        { amount: 1200, currency: 'GBP', from: t0 + 10, to: null },
      ]);
    });

    it('reads the base prices of the products named only, as the whole history holds them', async () => {
      const lamp = { ...product(3000), id: 'lamp', title: 'Lamp' };
      await store.putProducts([lamp, { ...lamp, id: 'desk', title: 'Desk' }], t0 + 40);
      await store.putProducts([{ ...lamp, price: { amount: 2500, currency: 'GBP' } }], t0 + 50);
      const named = await store.basePriceHistory(['lamp', 'kettle', 'nothing'], t0 - 1);
      const whole = (await store.priceHistory(t0 - 1)).base;
      expect([...named.keys()].sort()).toEqual(['kettle', 'lamp']);
      expect(named.get('lamp')).toEqual(whole.get('lamp'));
      expect(named.get('kettle')).toEqual(whole.get('kettle'));
      expect(named.get('lamp')?.map((version) => version.amount)).toEqual([3000, 2500]);
      expect((await store.basePriceHistory(['lamp'], t0 + 60)).get('lamp')).toHaveLength(1);
    });
  });
}
