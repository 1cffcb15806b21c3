import { describe, expect, it, vi } from 'vitest';
import { codeOf, useApps, type AppFixture } from '../../../test/support/app-fixture.js';
import type { CustomerContext } from '../customers/customer-context.js';
import type { ListingQuery } from './listing-service.js';

const start = useApps();
/** How long a listing's scan is reused: moving the clock past it makes new products show. */
const SCAN_REUSE_MS = 5_000;

async function kitchen(app: AppFixture): Promise<void> {
  await app.addProducts(
    { id: 'k1', title: 'Blue mug', categories: ['home/kitchen'] },
    { id: 'k2', title: 'Red mug', categories: ['home/kitchen'] },
    { id: 'k3', title: 'Plate', categories: ['home/kitchen'] },
    { id: 'l1', title: 'Desk lamp', categories: ['home/lighting'] },
    { id: 'g1', title: 'Tote bag', categories: ['bags'] },
  );
}

const ids = (listing: { items: readonly { productId: string }[] }) =>
  listing.items.map((item) => item.productId);

async function allPages(app: AppFixture, query: Omit<ListingQuery, 'cursor'>, customer: CustomerContext) {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await app.listings.list({ ...query, ...(cursor !== undefined && { cursor }) }, customer);
    seen.push(...ids(page));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return seen;
}

describe('ListingService.list', () => {
  it('lists a category with its descendants, priced for the customer, and a text query over titles', async () => {
    const app = await start();
    await kitchen(app);
    await app.pricing.put('mug-sale', {
      type: 'sale',
      currency: 'GBP',
      prices: [{ productId: 'k1', amount: 700 }],
    });
    const visitor = await app.customer({});
    const home = await app.listings.list({ category: 'home', currency: 'GBP', limit: 10 }, visitor);
    expect(ids(home).sort()).toEqual(['k1', 'k2', 'k3', 'l1']);
    expect(home.items.find((item) => item.productId === 'k1')?.price.final).toEqual({
      amount: 700,
      currency: 'GBP',
    });
    expect(home.nextCursor).toBeNull();
    const mugs = await app.listings.list({ query: 'mug', currency: 'GBP', limit: 10 }, visitor);
    expect(ids(mugs).sort()).toEqual(['k1', 'k2']);
    // No price in the currency: not listed.
    expect(ids(await app.listings.list({ category: 'home', currency: 'EUR', limit: 10 }, visitor))).toEqual(
      [],
    );
  });

  it('shows products out of stock after those in stock, saying why', async () => {
    const app = await start();
    await kitchen(app);
    await app.catalog.setStock('k1', 0);
    const listing = await app.listings.list(
      { category: 'home/kitchen', currency: 'GBP', limit: 10 },
      await app.customer({}),
    );
    expect(ids(listing).at(-1)).toBe('k1');
    expect(listing.items.at(-1)).toMatchObject({
      inStock: false,
      reasons: expect.arrayContaining(['out of stock']),
    });
  });

  it('pages with a cursor that never repeats or skips a product, and refuses a cursor it did not make', async () => {
    const app = await start();
    await app.addProducts(
      ...Array.from({ length: 23 }, (_, index) => ({ id: `p${index}`, categories: ['home'] })),
    );
    const visitor = await app.customer({});
    const seen = await allPages(app, { category: 'home', currency: 'GBP', limit: 5 }, visitor);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(
      await codeOf(() =>
        app.listings.list({ category: 'home', currency: 'GBP', limit: 5, cursor: 'not!a*cursor' }, visitor),
      ),
    ).toBe('invalid_cursor');
  });

  it("ranks a consenting customer's favourite category first, and a visitor's listing by popularity", async () => {
    const app = await start();
    await kitchen(app);
    await app.track(
      ...['a', 'b', 'c'].map((buyer) => ({
        type: 'track',
        userId: buyer,
        event: 'Order Completed',
        properties: {
          order_id: `o-${buyer}`,
          products: [
            { product_id: 'k1', price: 10 },
            { product_id: 'k2', price: 10 },
          ],
        },
      })),
      ...Array.from({ length: 5 }, () => ({
        type: 'track',
        userId: 'fan',
        event: 'Product Viewed',
        properties: { product_id: 'l1' },
      })),
    );
    const visitor = await app.listings.list(
      { category: 'home', currency: 'GBP', limit: 10 },
      await app.customer({}),
    );
    expect(ids(visitor).slice(0, 2).sort()).toEqual(['k1', 'k2']);
    const fan = await app.listings.list(
      { category: 'home', currency: 'GBP', limit: 10 },
      await app.customer({ userId: 'fan' }),
    );
    expect(ids(fan)[0]).toBe('l1');
    await app.profiles.setConsent('fan', { personalization: false }, true);
    const refused = await app.listings.list(
      { category: 'home', currency: 'GBP', limit: 10 },
      await app.customer({ userId: 'fan' }),
    );
    expect(ids(refused)).toEqual(ids(visitor));
  });

  it('badges the products an open item promotion covers', async () => {
    const app = await start();
    await kitchen(app);
    await app.promotions.put('mugs-10', {
      title: 'Mugs 10%',
      badge: '10% off mugs',
      action: { type: 'percent_off', target: 'items', match: { categories: ['home/kitchen'] }, percent: 10 },
    });
    const listing = await app.listings.list(
      { category: 'home', currency: 'GBP', limit: 10 },
      await app.customer({}),
    );
    expect(listing.items.find((item) => item.productId === 'k1')?.offers).toEqual([
      { promotionId: 'mugs-10', badge: '10% off mugs' },
    ]);
    expect(listing.items.find((item) => item.productId === 'l1')?.offers).toEqual([]);
  });
});

describe('ListingService rules', () => {
  it('pins products first, in the merchant order, while they can be sold', async () => {
    const app = await start();
    await kitchen(app);
    const rules = await app.listings.putRules({
      pins: [{ category: 'Home/Kitchen', productIds: ['k3', 'k2'] }],
    });
    expect(rules.pins).toEqual([{ category: 'home/kitchen', productIds: ['k3', 'k2'] }]);
    const visitor = await app.customer({});
    const listing = await app.listings.list(
      { category: 'home/kitchen', currency: 'GBP', limit: 10 },
      visitor,
    );
    expect(ids(listing).slice(0, 2)).toEqual(['k3', 'k2']);
    expect(listing.items[0]?.reasons).toEqual(['pinned']);
    await app.catalog.setStock('k3', 0);
    const after = await app.listings.list({ category: 'home/kitchen', currency: 'GBP', limit: 10 }, visitor);
    expect(ids(after)[0]).toBe('k2');
    expect(ids(after).at(-1)).toBe('k3');
  });

  it('stores the rules, announces them, and refuses invalid ones', async () => {
    const app = await start();
    await app.listings.putRules({ weights: { margin: 2 } });
    expect(app.listings.rules().weights.margin).toBe(2);
    expect(JSON.parse((await app.store.getSetting('listings.rules')) ?? '{}').weights.margin).toBe(2);
    expect(app.published('listings')).toEqual([{ origin: app.nodeId }]);
    expect(
      await codeOf(() =>
        app.listings.putRules({ pins: [{ category: 'home', query: 'mug', productIds: ['k1'] }] }),
      ),
    ).toBe('invalid_listing_rules');
    expect(app.listings.rules().weights.margin).toBe(2);
  });

  it("follows another node's rules, and loads them on start", async () => {
    const app = await start();
    const other = await start({ sharedWith: app });
    await other.listings.putRules({ weights: { popularity: 3 } });
    await vi.waitFor(() => expect(app.listings.rules().weights.popularity).toBe(3));
    expect((await start({ sharedWith: app })).listings.rules().weights.popularity).toBe(3);
  });

  it('sees new products once a scan is old enough to be read again', async () => {
    const app = await start();
    await kitchen(app);
    const visitor = await app.customer({});
    await app.listings.list({ category: 'home/kitchen', currency: 'GBP', limit: 10 }, visitor);
    await app.addProducts({ id: 'k4', categories: ['home/kitchen'] });
    app.clock.advance(SCAN_REUSE_MS);
    const listing = await app.listings.list(
      { category: 'home/kitchen', currency: 'GBP', limit: 10 },
      visitor,
    );
    expect(ids(listing)).toContain('k4');
  });
});
