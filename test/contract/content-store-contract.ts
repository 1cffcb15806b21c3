import { beforeAll, describe, expect, it } from 'vitest';
import { draftContentSlot } from '../../src/domain/content/index.js';
import type { Store } from '../../src/ports/store.js';
import { useStoreFixture, type StoreFixture } from './store-contract.js';

const now = Date.parse('2026-06-01T00:00:00.000Z');

/** Content slots, on every store. */
export function describeContentStoreContract(name: string, createFixture: () => Promise<StoreFixture>): void {
  describe(`Content store contract: ${name}`, () => {
    const storeOf = useStoreFixture(createFixture);
    let store: Store;
    beforeAll(() => {
      store = storeOf();
    });

    it('keeps slots with versions, honours If-Match and deletes them', async () => {
      const draft = draftContentSlot('home-hero', {
        variants: [
          { id: 'default', payload: { title: 'Welcome', nested: [1, { a: null }] } },
          { id: 'vip', audience: { segments: ['vip'] }, priority: 2, payload: 'Hello' },
        ],
      });
      const first = await store.putContentSlot(draft, { now });
      expect(first).toEqual({ ...draft, version: 1, updatedAt: new Date(now).toISOString() });
      expect(await store.getContentSlot('home-hero')).toEqual(first);
      await expect(store.putContentSlot(draft, { now, ifVersion: 7 })).rejects.toMatchObject({
        code: 'version_conflict',
      });
      expect((await store.putContentSlot(draft, { now, ifVersion: 1 })).version).toBe(2);
      expect((await store.listContentSlots()).map((slot) => slot.id)).toContain('home-hero');
      expect(await store.deleteContentSlot('home-hero', undefined)).toBe(true);
      expect(await store.getContentSlot('home-hero')).toBeUndefined();
      expect(await store.deleteContentSlot('home-hero', undefined)).toBe(false);
    });
  });
}
