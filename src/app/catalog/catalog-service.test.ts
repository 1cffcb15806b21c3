import { describe, expect, it, vi } from 'vitest';
import { codeOf, domainErrorOf, useApps } from '../../../test/support/app-fixture.js';
import { Catalog } from '../../domain/catalog/index.js';
import { FairSlices, yieldToRequests } from '../yield-to-requests.js';
import { CatalogService } from './catalog-service.js';

const start = useApps();

const mug = { title: 'Mug', categories: ['home/kitchen/mugs'], price: { amount: 800, currency: 'GBP' } };

describe('CatalogService', () => {
  it('writes a product to the store, serves it from memory and announces it', async () => {
    const app = await start();
    const product = await app.catalog.putProduct('mug', mug);
    expect(product.version).toBe(1);
    expect((await app.store.getProduct('mug'))?.title).toBe('Mug');
    expect(app.catalog.getProduct('mug').categories).toEqual(['home/kitchen/mugs']);
    expect(app.published('catalog')).toEqual([{ origin: app.nodeId, kind: 'products', ids: ['mug'] }]);
  });

  it('refuses a write on a stale version, and an unknown product', async () => {
    const app = await start();
    const first = await app.catalog.putProduct('mug', mug);
    await app.catalog.putProduct('mug', { ...mug, title: 'Big mug' }, first.version);
    expect(await codeOf(() => app.catalog.putProduct('mug', mug, first.version))).toBe('version_conflict');
    expect(app.catalog.getProduct('mug').title).toBe('Big mug');
    expect(await codeOf(() => app.catalog.getProduct('plate'))).toBe('product_not_found');
    expect(await codeOf(() => app.catalog.deleteProduct('plate'))).toBe('product_not_found');
  });

  it('writes a batch all or nothing, pointing at the bad item', async () => {
    const app = await start();
    const items = [
      { id: 'a', ...mug },
      { id: 'b', ...mug, price: { amount: 100, currency: 'XYZ' } },
    ];
    const error = await domainErrorOf(() => app.catalog.putProducts(items));
    expect(error.details['pointer']).toMatch(/^\/items\/1\//);
    expect(await app.store.countProducts()).toBe(0);
    const twice = await domainErrorOf(() => app.catalog.putProducts([items[0]!, items[0]!]));
    expect(twice.code).toBe('duplicate_id');
    expect(twice.details['pointer']).toBe('/items/1/id');
    expect(
      await app.catalog.putProducts([
        { id: 'a', ...mug },
        { id: 'c', ...mug },
      ]),
    ).toHaveLength(2);
    expect(await app.store.countProducts()).toBe(2);
  });

  it('records stock: none left takes the product out of stock at once', async () => {
    const app = await start();
    await app.catalog.putProduct('mug', mug);
    expect(app.catalogModel.isSellable('mug')).toBe(true);
    const level = await app.catalog.setStock('mug', 0);
    expect(level).toMatchObject({ productId: 'mug', available: 0, inStock: false });
    expect(app.catalogModel.isSellable('mug')).toBe(false);
    expect(await app.store.getStock('mug')).toEqual([expect.objectContaining({ available: 0 })]);
    const restocked = await app.catalog.setStock('mug', 3, 'leeds');
    expect(restocked).toMatchObject({ inStock: true, totalAvailable: 3 });
  });

  it('keeps collections, and deletes products and collections', async () => {
    const app = await start();
    await app.catalog.putProduct('mug', mug);
    await app.catalog.putCollection('gifts', { title: 'Gifts', productIds: ['mug'] });
    expect(app.catalogModel.isInCollection('gifts', 'mug')).toBe(true);
    expect(app.catalog.listCollections(undefined, 10).items.map((item) => item.id)).toEqual(['gifts']);
    await app.catalog.deleteCollection('gifts');
    expect(await codeOf(() => app.catalog.getCollection('gifts'))).toBe('collection_not_found');
    await app.catalog.deleteProduct('mug');
    expect(await app.store.getProduct('mug')).toBeUndefined();
    expect(app.catalog.listProducts({ limit: 10 }).items).toEqual([]);
  });

  it('tells listeners what changed once memory holds it', async () => {
    const app = await start();
    const changes: [string, readonly string[]][] = [];
    const productChanges: (readonly string[])[] = [];
    app.catalog.onChanged((kind, ids) => changes.push([kind, ids]));
    app.catalog.onProductsChanged((ids) => productChanges.push(ids));
    await app.catalog.putProduct('mug', mug);
    await app.catalog.setStock('mug', 2);
    expect(changes).toEqual([
      ['products', ['mug']],
      ['stock', ['mug']],
    ]);
    expect(productChanges).toEqual([['mug']]);
  });

  it("follows another node's changes by reading the store again", async () => {
    const app = await start();
    const other = await start({ sharedWith: app });
    const seen: string[] = [];
    app.catalog.onChanged((kind) => seen.push(kind));
    await other.catalog.putProduct('mug', mug);
    await other.catalog.setStock('mug', 0);
    await other.catalog.putCollection('gifts', { title: 'Gifts', productIds: ['mug'] });
    await vi.waitFor(() => expect(seen).toEqual(['products', 'stock', 'collections']));
    expect(app.catalog.getProduct('mug').title).toBe('Mug');
    expect(app.catalogModel.isSellable('mug')).toBe(false);
    expect(app.catalogModel.isInCollection('gifts', 'mug')).toBe(true);
    await other.catalog.deleteProduct('mug');
    await vi.waitFor(() => expect(app.catalogModel.getProduct('mug')).toBeUndefined());
  });

  it("applies another node's batch of thousands of products, with their stock, in listing order", async () => {
    const app = await start();
    const other = await start({ sharedWith: app });
    await app.catalog.putProduct('z-before', mug);
    // Listed once before the batch, so the batch is added to a listing already sorted.
    expect(app.catalog.listProducts({ limit: 1 }).items.map(({ id }) => id)).toEqual(['z-before']);
    const applied = new Set<string>();
    app.catalog.onChanged((kind, ids) => kind === 'products' && ids.forEach((id) => applied.add(id)));
    const items = Array.from({ length: 2_500 }, (_, index) => ({
      id: `b${String(2_499 - index).padStart(4, '0')}`,
      ...mug,
      price: { amount: 100 + index, currency: 'GBP' },
    }));
    await other.catalog.putProducts(items);
    await other.catalog.setStock('b0007', 0);
    await vi.waitFor(() => expect(applied.size).toBe(2_500));
    await vi.waitFor(() => expect(app.catalogModel.stockOf('b0007')?.get('default')).toBe(0));
    expect(app.catalogModel.isSellable('b0007')).toBe(false);
    expect(app.catalog.getProduct('b2499').price.amount).toBe(100);
    const listed = app.catalog.listProducts({ limit: 3_000 }).items.map(({ id }) => id);
    expect(listed).toEqual([...items.map(({ id }) => id).reverse(), 'z-before']);
  });

  it("gives requests their turn while it applies another node's batch, counting the page reads", async () => {
    const app = await start();
    // The slices' clock moves only when the follower reads a page of products: 3 ms a page.
    let now = 0;
    const readsTakingTime = new Proxy(app.store, {
      get(store, key) {
        if (key === 'getProducts') return (ids: readonly string[]) => ((now += 3), store.getProducts(ids));
        const value: unknown = Reflect.get(store, key, store);
        return typeof value === 'function' ? (value as () => unknown).bind(store) : value;
      },
    });
    const stretches: number[] = [];
    let turnEnded = 0;
    const follower = new CatalogService({
      store: readsTakingTime,
      bus: app.bus,
      clock: app.clock,
      catalog: new Catalog(),
      currency: 'GBP',
      nodeId: 'follower',
      shapes: { product: () => undefined, collection: () => undefined },
      reportUnloadable: () => undefined,
      newSlices: () =>
        new FairSlices({
          minMs: 5,
          maxMs: 5,
          now: () => now,
          yieldTo: async () => {
            stretches.push(now - turnEnded);
            await yieldToRequests();
            turnEnded = now;
          },
        }),
    });
    const applied = new Set<string>();
    follower.onChanged((kind, ids) => kind === 'products' && ids.forEach((id) => applied.add(id)));
    await follower.start();
    const items = Array.from({ length: 2_500 }, (_, index) => ({ id: `b${index}`, ...mug }));
    await app.catalog.putProducts(items);
    await vi.waitFor(() => expect(applied.size).toBe(2_500));
    // Ten pages of 250 on SQLite, 30 ms of reads: a turn after every second page (3 + 3 ≥ 5).
    expect(stretches).toEqual([6, 6, 6, 6, 6]);
    expect(now - turnEnded).toBe(0);
  });

  it('fills memory from the store on start', async () => {
    const app = await start();
    await app.catalog.putProduct('mug', mug);
    await app.catalog.setStock('mug', 0);
    const restarted = await start({ sharedWith: app });
    expect(restarted.catalog.getProduct('mug').title).toBe('Mug');
    expect(restarted.catalogModel.isSellable('mug')).toBe(false);
  });
});
