import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductDraft } from '../../src/domain/catalog/index.js';
import { DomainError } from '../../src/domain/shared/index.js';
import type { Store } from '../../src/ports/store.js';

export interface StoreFixture {
  readonly store: Store;
  readonly dispose: () => Promise<void>;
}

const now = Date.parse('2026-03-01T12:00:00.000Z');

function draft(id: string, amount = 295): ProductDraft {
  return {
    id,
    title: `Product ${id}`,
    categories: ['home/kitchen'],
    attributes: { colour: ['red', 'white'] },
    price: { amount, currency: 'GBP' },
    status: 'active',
  };
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

/** Opens a fixture before a suite's tests and disposes of it after; returns a getter for its store. */
export function useStoreFixture(createFixture: () => Promise<StoreFixture>): () => Store {
  let fixture: StoreFixture | undefined;
  beforeAll(async () => {
    fixture = await createFixture();
  });
  afterAll(() => fixture?.dispose());
  return () => {
    if (fixture === undefined) throw new Error('the store fixture is not open');
    return fixture.store;
  };
}

/** The behaviour every {@link Store} adapter must show; run by one test file per adapter. */
export function describeStoreContract(name: string, createFixture: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
    const storeOf = useStoreFixture(createFixture);
    let store: Store;
    beforeAll(() => {
      store = storeOf();
    });

    it('migrates again without harm and answers pings', async () => {
      await store.migrate();
      await store.ping();
    });

    it('writes products with increasing versions and reads them back exactly', async () => {
      const first = await store.putProduct(draft('p1'), { now });
      expect(first).toEqual({ ...draft('p1'), version: 1, updatedAt: '2026-03-01T12:00:00.000Z' });
      const second = await store.putProduct(draft('p1', 300), { now: now + 1000 });
      expect(second.version).toBe(2);
      expect(await store.getProduct('p1')).toEqual(second);
      expect(await store.getProduct('missing')).toBeUndefined();
    });

    it('honours version preconditions', async () => {
      await store.putProduct(draft('p2'), { now });
      await expectCode(store.putProduct(draft('p2'), { now, ifVersion: 7 }), 'version_conflict');
      await expectCode(store.putProduct(draft('nope'), { now, ifVersion: '*' }), 'version_conflict');
      expect((await store.putProduct(draft('p2', 1), { now, ifVersion: 1 })).version).toBe(2);
      expect((await store.putProduct(draft('p2', 2), { now, ifVersion: '*' })).version).toBe(3);
      expect(await store.getProduct('nope')).toBeUndefined();
    });

    it('lets exactly one of many concurrent writers win the same version', async () => {
      await store.putProduct(draft('race'), { now });
      const attempts = await Promise.allSettled(
        Array.from({ length: 20 }, (_, index) =>
          store.putProduct(draft('race', index), { now, ifVersion: 1 }),
        ),
      );
      expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
      expect((await store.getProduct('race'))?.version).toBe(2);
    });

    it('writes a batch atomically: all or nothing', async () => {
      const drafts = Array.from({ length: 700 }, (_, index) =>
        draft(`batch-${String(index).padStart(4, '0')}`),
      );
      const poisoned = [...drafts];
      // JSON cannot encode a BigInt, so the second chunk fails after the first was sent.
      poisoned[650] = { ...draft('batch-poison'), attributes: { bad: 1n as unknown as number } };
      await expect(store.putProducts(poisoned, now)).rejects.toThrow();
      expect(await store.getProduct('batch-0000')).toBeUndefined();

      const written = await store.putProducts(drafts, now);
      expect(written).toHaveLength(700);
      expect(written.every((product) => product.version === 1)).toBe(true);
      expect((await store.putProducts(drafts.slice(0, 2), now)).map((product) => product.version)).toEqual([
        2, 2,
      ]);
    });

    it('reads many products and their stock by id, leaving out those that do not exist', async () => {
      const drafts = Array.from({ length: 1_200 }, (_, index) => draft(`many-${index}`, 100 + index));
      await store.putProducts(drafts, now);
      await store.setStock({ productId: 'many-3', location: 'london', available: 2 }, now);
      await store.setStock({ productId: 'many-3', location: 'leeds', available: 0 }, now);
      await store.setStock({ productId: 'many-1100', location: 'london', available: 5 }, now);
      const ids = [...drafts.map((product) => product.id), 'many-ghost'];
      const read = await store.getProducts(ids);
      expect(read.map((product) => product.id).sort()).toEqual(drafts.map((product) => product.id).sort());
      expect(read.find((product) => product.id === 'many-1100')).toEqual(await store.getProduct('many-1100'));
      const stock = await store.getStocks(ids);
      expect(
        stock.sort((a, b) => `${a.productId}${a.location}`.localeCompare(`${b.productId}${b.location}`)),
      ).toEqual([
        { productId: 'many-1100', location: 'london', available: 5 },
        { productId: 'many-3', location: 'leeds', available: 0 },
        { productId: 'many-3', location: 'london', available: 2 },
      ]);
      expect(await store.getProducts([])).toEqual([]);
    });

    it('keeps one base price in force per product: written anew, unchanged, deleted and made again', async () => {
      const inForce = async (id: string) =>
        ((await store.priceHistory(0)).base.get(id) ?? []).filter((version) => version.to === null);
      await store.putProducts([draft('h1', 100), draft('h2', 200)], now);
      await store.putProducts([draft('h1', 100), draft('h2', 250)], now + 1);
      expect((await inForce('h1')).map((version) => version.amount)).toEqual([100]);
      expect((await inForce('h2')).map((version) => version.amount)).toEqual([250]);
      expect((await store.priceHistory(0)).base.get('h1')).toHaveLength(1);
      expect(await store.deleteProduct('h2', now + 2)).toBe(true);
      expect(await inForce('h2')).toEqual([]);
      await store.putProducts([draft('h2', 300)], now + 3);
      expect((await inForce('h2')).map((version) => version.amount)).toEqual([300]);
    });

    it('records stock per location and refuses stock for unknown products', async () => {
      await store.putProduct(draft('s1'), { now });
      await store.setStock({ productId: 's1', location: 'london', available: 3 }, now);
      await store.setStock({ productId: 's1', location: 'leeds', available: 0 }, now);
      await store.setStock({ productId: 's1', location: 'london', available: 5 }, now);
      const stock = await store.getStock('s1');
      expect(stock.sort((a, b) => a.location.localeCompare(b.location))).toEqual([
        { productId: 's1', location: 'leeds', available: 0 },
        { productId: 's1', location: 'london', available: 5 },
      ]);
      await expectCode(
        store.setStock({ productId: 'ghost', location: 'x', available: 1 }, now),
        'product_not_found',
      );
      expect(await store.getStock('ghost')).toEqual([]);
    });

    it('deletes a product with its stock', async () => {
      await store.putProduct(draft('d1'), { now });
      await store.setStock({ productId: 'd1', location: 'default', available: 1 }, now);
      await expectCode(store.deleteProduct('d1', now, 9), 'version_conflict');
      expect(await store.deleteProduct('d1', now, 1)).toBe(true);
      expect(await store.getProduct('d1')).toBeUndefined();
      expect(await store.getStock('d1')).toEqual([]);
      expect(await store.deleteProduct('d1', now)).toBe(false);
    });

    it('keeps collections with versions', async () => {
      const manual = { id: 'c1', title: 'Picks', productIds: ['p1', 'p2'] };
      expect(await store.putCollection(manual, { now })).toMatchObject({ ...manual, version: 1 });
      const rule = { id: 'c1', title: 'Cheap', filter: { price: { lte: 500 } } };
      expect(await store.putCollection(rule, { now, ifVersion: 1 })).toMatchObject({ ...rule, version: 2 });
      await expectCode(store.putCollection(rule, { now, ifVersion: 1 }), 'version_conflict');
      expect(await store.getCollection('c1')).toMatchObject(rule);
      expect(await store.deleteCollection('c1')).toBe(true);
      expect(await store.getCollection('c1')).toBeUndefined();
    });

    it('loads the whole catalogue and counts products', async () => {
      await store.putCollection({ id: 'c2', title: 'All', productIds: ['p1'] }, { now });
      const snapshot = await store.loadCatalog();
      expect(snapshot.products.length).toBe(await store.countProducts());
      expect(snapshot.products.find((product) => product.id === 'p1')?.price.amount).toBe(300);
      expect(snapshot.stock).toContainEqual({ productId: 's1', location: 'london', available: 5 });
      expect(snapshot.collections.map((collection) => collection.id)).toContain('c2');
    });

    it('keeps API keys and refuses a duplicate hash', async () => {
      const key = { id: 'key_1', kind: 'secret' as const, hash: 'a'.repeat(64), label: 'ci', createdAt: now };
      await store.insertKey(key);
      await store.insertKey({
        ...key,
        id: 'key_2',
        kind: 'publishable',
        hash: 'b'.repeat(64),
        publishableKey: 'pk_x',
      });
      await expect(store.insertKey({ ...key, id: 'key_3' })).rejects.toThrow();
      expect(await store.listKeys()).toEqual([
        key,
        { ...key, id: 'key_2', kind: 'publishable', hash: 'b'.repeat(64), publishableKey: 'pk_x' },
      ]);
    });

    it('sets a setting once, whoever asks first', async () => {
      expect(await store.getSetting('token-secret')).toBeUndefined();
      const winners = await Promise.all(
        ['a', 'b', 'c'].map((value) => store.setSettingOnce('token-secret', value)),
      );
      expect(new Set(winners).size).toBe(1);
      await store.setSetting('demo', 'loaded');
      expect(await store.getSetting('demo')).toBe('loaded');
    });

    it('relays messages in order, reads after a seq, and prunes old ones but the newest', async () => {
      expect(await store.lastRelayedSeq()).toBe(0);
      expect(await store.relayedAfter(0, 10)).toEqual([]);
      await store.relayMessage('catalog', '{"ids":["a"]}', now - 10_000);
      await store.relayMessage('keys', '{"keyId":"k"}', now);
      await store.relayMessage('catalog', '{"ids":["b"]}', now);
      const all = await store.relayedAfter(0, 10);
      expect(all.map((message) => [message.topic, message.payload, message.createdAt])).toEqual([
        ['catalog', '{"ids":["a"]}', now - 10_000],
        ['keys', '{"keyId":"k"}', now],
        ['catalog', '{"ids":["b"]}', now],
      ]);
      expect(all[1]?.seq).toBeGreaterThan(all[0]?.seq as number);
      expect(all[2]?.seq).toBeGreaterThan(all[1]?.seq as number);
      expect(await store.lastRelayedSeq()).toBe(all[2]?.seq);
      expect(await store.relayedAfter(all[0]?.seq as number, 1)).toEqual([all[1]]);
      await store.pruneRelayed(now - 1);
      expect(await store.relayedAfter(0, 10)).toEqual([all[1], all[2]]);
      expect(await store.lastRelayedSeq()).toBe(all[2]?.seq);
      // The newest stays, however old: a follower that missed the others sees the seqs they leave out.
      await store.pruneRelayed(now + 1);
      expect(await store.relayedAfter(0, 10)).toEqual([all[2]]);
      expect(await store.lastRelayedSeq()).toBe(all[2]?.seq);
    });
  });
}
