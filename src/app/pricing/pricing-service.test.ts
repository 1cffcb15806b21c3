import { describe, expect, it, vi } from 'vitest';
import { codeOf, useApps, type AppFixture } from '../../../test/support/app-fixture.js';
import type { PriceShopper } from './pricing-service.js';

const start = useApps();
const DAY = 86_400_000;
const visitor: PriceShopper = { customer: { segments: new Set() } };

/** A kettle at 2,000, and a sale at 1,200 that starts in 10 days. */
async function kettleWithLaterSale(app: AppFixture) {
  await app.addProducts({ id: 'kettle', price: { amount: 2_000, currency: 'GBP' } });
  const startsAt = new Date(app.clock.now() + 10 * DAY).toISOString();
  await app.pricing.put('later-sale', {
    type: 'sale',
    currency: 'GBP',
    startsAt,
    prices: [{ productId: 'kettle', amount: 1_200 }],
  });
}

async function shop(app: AppFixture) {
  await app.addProducts(
    {
      id: 'mug',
      categories: ['home/kitchen'],
      price: { amount: 1_000, currency: 'GBP' },
      cost: { amount: 400, currency: 'GBP' },
    },
    { id: 'lamp', categories: ['home/lighting'], price: { amount: 5_000, currency: 'GBP' } },
  );
}

describe('PricingService', () => {
  it('stores a price list, applies it from memory and announces it', async () => {
    const app = await start();
    await shop(app);
    const list = await app.pricing.put('kitchen-sale', {
      type: 'sale',
      currency: 'GBP',
      rule: { percentOff: 20, match: { categories: ['home/kitchen'] } },
    });
    expect(list.version).toBe(1);
    expect((await app.pricing.get('kitchen-sale')).id).toBe('kitchen-sale');
    expect((await app.pricing.list()).map((each) => each.id)).toEqual(['kitchen-sale']);
    expect(app.published('prices')).toEqual([{ origin: app.nodeId, id: 'kitchen-sale' }]);
    const [mug, lamp] = app.pricing.resolve(
      [
        { productId: 'mug', quantity: 2 },
        { productId: 'lamp', quantity: 1 },
      ],
      'GBP',
      visitor,
    );
    expect(mug).toMatchObject({ final: { amount: 800 }, lineTotal: { amount: 1_600 }, personalized: false });
    expect(mug?.applied?.map((step) => step.priceListId)).toEqual(['kitchen-sale']);
    expect(lamp).toMatchObject({ final: { amount: 5_000 }, applied: [] });
  });

  it('prices a segment member, a company and a loyalty tier apart from a visitor', async () => {
    const app = await start();
    await shop(app);
    await app.pricing.put('acme', {
      type: 'override',
      currency: 'GBP',
      audience: { companies: ['acme'] },
      prices: [{ productId: 'lamp', amount: 4_000 }],
    });
    const acme: PriceShopper = { customer: { segments: new Set(), companyId: 'acme' } };
    expect(app.pricing.resolve([{ productId: 'lamp', quantity: 1 }], 'GBP', acme)[0]).toMatchObject({
      final: { amount: 4_000 },
      personalized: true,
    });
    expect(app.pricing.resolve([{ productId: 'lamp', quantity: 1 }], 'GBP', visitor)[0]?.final?.amount).toBe(
      5_000,
    );
    // A 90% loyalty perk stops at the margin floor: never below cost.
    const gold: PriceShopper = {
      customer: { segments: new Set(), loyaltyTier: 'gold' },
      loyaltyPerk: { tier: 'gold', percentOff: 90 },
    };
    expect(app.pricing.resolve([{ productId: 'mug', quantity: 1 }], 'GBP', gold)[0]?.final?.amount).toBe(400);
  });

  it('says why a line has no price', async () => {
    const app = await start();
    await shop(app);
    const [ghost, euro] = [
      app.pricing.resolve([{ productId: 'ghost', quantity: 1 }], 'GBP', visitor)[0],
      app.pricing.resolve([{ productId: 'mug', quantity: 1 }], 'EUR', visitor)[0],
    ];
    expect(ghost?.error?.code).toBe('product_not_found');
    expect(euro?.error?.code).toBe('price_unavailable');
  });

  it('refuses invalid lists, stale versions and unknown ids', async () => {
    const app = await start();
    await shop(app);
    const first = await app.pricing.put('sale', {
      type: 'sale',
      currency: 'GBP',
      rule: { percentOff: 10, match: {} },
    });
    expect(
      await codeOf(() =>
        app.pricing.put('bad', { type: 'sale', currency: 'GBP', rule: { percentOff: 120, match: {} } }),
      ),
    ).toBe('invalid_price_list');
    await app.pricing.put(
      'sale',
      { type: 'sale', currency: 'GBP', rule: { percentOff: 15, match: {} } },
      first.version,
    );
    expect(
      await codeOf(() =>
        app.pricing.put(
          'sale',
          { type: 'sale', currency: 'GBP', rule: { percentOff: 5, match: {} } },
          first.version,
        ),
      ),
    ).toBe('version_conflict');
    expect(await codeOf(() => app.pricing.get('nope'))).toBe('price_list_not_found');
    expect(await codeOf(() => app.pricing.delete('nope'))).toBe('price_list_not_found');
    await app.pricing.delete('sale');
    expect(app.pricing.resolve([{ productId: 'mug', quantity: 1 }], 'GBP', visitor)[0]?.final?.amount).toBe(
      1_000,
    );
  });

  it('shows the lowest price of the 30 days before a sale, from the stored history', async () => {
    const app = await start();
    await app.addProducts({ id: 'kettle', price: { amount: 2_000, currency: 'GBP' } });
    app.clock.advance(10 * DAY);
    await app.addProducts({ id: 'kettle', price: { amount: 2_400, currency: 'GBP' } });
    app.clock.advance(5 * DAY);
    await app.pricing.put('kettle-sale', {
      type: 'sale',
      currency: 'GBP',
      prices: [{ productId: 'kettle', amount: 2_200 }],
    });
    await app.pricing.settled();
    expect(app.pricing.resolve([{ productId: 'kettle', quantity: 1 }], 'GBP', visitor)[0]).toMatchObject({
      final: { amount: 2_200 },
      lowestPrice30d: { amount: 2_000, currency: 'GBP' },
    });
  });

  it('reads again the base prices of products another node wrote after the lists were read', async () => {
    const app = await start();
    const other = await start({ sharedWith: app });
    await app.addProducts(
      { id: 'kettle', price: { amount: 2_000, currency: 'GBP' } },
      { id: 'toaster', price: { amount: 3_000, currency: 'GBP' } },
    );
    const startsAt = new Date(app.clock.now() + 10 * DAY).toISOString();
    await app.pricing.put('later-sale', {
      type: 'sale',
      currency: 'GBP',
      startsAt,
      prices: [
        { productId: 'kettle', amount: 1_200 },
        { productId: 'toaster', amount: 2_900 },
      ],
    });
    app.clock.advance(2 * DAY);
    // Written by the other node after the list was read here: the lowest price before the sale moves.
    await other.catalog.putProducts([
      {
        id: 'kettle',
        title: 'kettle',
        categories: [],
        attributes: {},
        price: { amount: 1_500, currency: 'GBP' },
      },
    ]);
    app.clock.advance(3 * DAY);
    await other.catalog.putProducts([
      {
        id: 'kettle',
        title: 'kettle',
        categories: [],
        attributes: {},
        price: { amount: 2_500, currency: 'GBP' },
      },
    ]);
    await vi.waitFor(() => expect(app.catalog.getProduct('kettle').price.amount).toBe(2_500));
    await app.pricing.settled();
    app.clock.advance(6 * DAY);
    const [kettle, toaster] = app.pricing.resolve(
      [
        { productId: 'kettle', quantity: 1 },
        { productId: 'toaster', quantity: 1 },
      ],
      'GBP',
      visitor,
    );
    expect(kettle).toMatchObject({ final: { amount: 1_200 }, lowestPrice30d: { amount: 1_500 } });
    expect(toaster).toMatchObject({ final: { amount: 2_900 }, lowestPrice30d: { amount: 3_000 } });
  });

  it('keeps the products whose base prices a failed read missed, and reads them on the next try', async () => {
    const app = await start();
    await kettleWithLaterSale(app);
    app.clock.advance(2 * DAY);
    const read = vi.spyOn(app.store, 'basePriceHistory').mockRejectedValueOnce(new Error('connection lost'));
    await app.catalog.putProducts([
      {
        id: 'kettle',
        title: 'kettle',
        categories: [],
        attributes: {},
        price: { amount: 1_500, currency: 'GBP' },
      },
    ]);
    app.pricing.refreshBasePrices(['kettle']);
    // The failed read neither escapes (nobody awaits a bus handler's refresh) nor loses the kettle.
    await app.pricing.settled();
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(2), { timeout: 3_000 });
    await app.pricing.settled();
    read.mockRestore();
    app.clock.advance(10 * DAY);
    const [kettle] = app.pricing.resolve([{ productId: 'kettle', quantity: 1 }], 'GBP', visitor);
    expect(kettle).toMatchObject({ final: { amount: 1_200 }, lowestPrice30d: { amount: 1_500 } });
  });

  it('lets no whole history read begun before a product changed land after that product was read again', async () => {
    const app = await start();
    const other = await start({ sharedWith: app });
    await kettleWithLaterSale(app);
    // Both nodes' reloads of that list done before reads are held back.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await Promise.all([app.pricing.settled(), other.pricing.settled()]);
    app.clock.advance(2 * DAY);
    // The other node's read of the whole history answers at once; this node's answers late, with
    // what the store held when it was asked (the two share the store).
    let release = () => {};
    const late = new Promise<void>((resolve) => (release = resolve));
    let heldBack: Promise<unknown> | undefined;
    const readWhole = app.store.priceHistory.bind(app.store);
    const whole = vi.spyOn(app.store, 'priceHistory').mockImplementation((since) => {
      const read = readWhole(since);
      if (whole.mock.calls.length === 1) return read;
      heldBack = read;
      return read.then(async (history) => {
        await late;
        return history;
      });
    });
    // Another node's new list: this node reloads once, its whole history read before the kettle changes.
    await other.pricing.put('other-list', { type: 'sale', currency: 'GBP', prices: [] });
    await vi.waitFor(() => expect(heldBack).toBeDefined());
    await heldBack;
    // The kettle dips to 1,500 for three days: only the history remembers it.
    for (const amount of [1_500, 2_500]) {
      await app.catalog.putProducts([
        { id: 'kettle', title: 'kettle', categories: [], attributes: {}, price: { amount, currency: 'GBP' } },
      ]);
      app.pricing.refreshBasePrices(['kettle']);
      app.clock.advance(3 * DAY);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Read in turn, the kettle's own read waits for the whole one: nothing it read is undone.
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await app.pricing.settled();
    whole.mockRestore();
    app.clock.advance(4 * DAY);
    const [kettle] = app.pricing.resolve([{ productId: 'kettle', quantity: 1 }], 'GBP', visitor);
    expect(kettle).toMatchObject({ final: { amount: 1_200 }, lowestPrice30d: { amount: 1_500 } });
  });

  it("follows another node's lists and tells listeners once the new prices can be read", async () => {
    const app = await start();
    await shop(app);
    const other = await start({ sharedWith: app });
    let changes = 0;
    app.pricing.onChanged(() => (changes += 1));
    await other.pricing.put('lamp-sale', {
      type: 'sale',
      currency: 'GBP',
      prices: [{ productId: 'lamp', amount: 4_500 }],
    });
    await vi.waitFor(() => expect(changes).toBe(1));
    expect(app.pricing.resolve([{ productId: 'lamp', quantity: 1 }], 'GBP', visitor)[0]?.final?.amount).toBe(
      4_500,
    );
    const restarted = await start({ sharedWith: app });
    expect(
      restarted.pricing.resolve([{ productId: 'lamp', quantity: 1 }], 'GBP', visitor)[0]?.final?.amount,
    ).toBe(4_500);
  });
});
