import { describe, expect, it, vi } from 'vitest';
import { codeOf, useApps } from '../../../test/support/app-fixture.js';

const start = useApps();

const hero = {
  variants: [
    { id: 'welcome', payload: { title: 'Hello' } },
    {
      id: 'regulars',
      audience: { segments: ['regulars'] },
      priority: 10,
      payload: { title: 'Welcome back' },
    },
    { id: 'france', audience: { countries: ['FR'] }, priority: 5, payload: { title: 'Bonjour' } },
  ],
};

describe('ContentService', () => {
  it('stores a slot, serves it from memory and announces the change', async () => {
    const app = await start();
    const slot = await app.content.put('home-hero', hero);
    expect(slot.version).toBe(1);
    expect(app.content.get('home-hero').variants.map((variant) => variant.id)).toEqual(
      expect.arrayContaining(['welcome', 'regulars', 'france']),
    );
    expect((await app.store.listContentSlots()).map((stored) => stored.id)).toEqual(['home-hero']);
    expect(app.published('content')).toEqual([{ origin: app.nodeId }]);
  });

  it('refuses a stale version, and a slot that does not exist', async () => {
    const app = await start();
    const first = await app.content.put('home-hero', hero);
    await app.content.put('home-hero', hero, first.version);
    expect(await codeOf(() => app.content.put('home-hero', hero, first.version))).toBe('version_conflict');
    expect(await codeOf(() => app.content.get('nowhere'))).toBe('content_slot_not_found');
    expect(await codeOf(() => app.content.delete('nowhere'))).toBe('content_slot_not_found');
    expect(await codeOf(() => app.content.put('bad', { variants: [] }))).toBe('invalid_content_slot');
    await app.content.delete('home-hero');
    expect(await codeOf(() => app.content.get('home-hero'))).toBe('content_slot_not_found');
  });

  it('shows each viewer the variant their segments and context earn, and leaves out unknown slots', async () => {
    const app = await start();
    await app.rules.segments.put('regulars', {
      name: 'Regulars',
      rule: { trait: 'traits.regular', op: 'eq', value: true },
    });
    await app.content.put('home-hero', hero);
    await app.track({ type: 'identify', userId: 'u1', traits: { regular: true } });

    const regular = await app.customer({ userId: 'u1' });
    expect(app.content.resolve(['home-hero', 'missing'], regular)).toEqual({
      'home-hero': { variantId: 'regulars', payload: { title: 'Welcome back' }, reason: expect.any(String) },
    });
    const french = await app.customer({ anonymousId: 'a1', context: { country: 'FR' } });
    expect(app.content.resolve(['home-hero'], french)['home-hero']?.variantId).toBe('france');
    const visitor = await app.customer({ anonymousId: 'a2' });
    expect(app.content.resolve(['home-hero'], visitor)['home-hero']?.variantId).toBe('welcome');
  });

  it("follows another node's changes, and loads the slots on start", async () => {
    const app = await start();
    const other = await start({ sharedWith: app });
    await other.content.put('home-hero', hero);
    await vi.waitFor(() => expect(app.content.get('home-hero').id).toBe('home-hero'));
    await other.content.delete('home-hero');
    await vi.waitFor(async () =>
      expect(await codeOf(() => app.content.get('home-hero'))).toBe('content_slot_not_found'),
    );
    await app.content.put('banner', hero);
    const restarted = await start({ sharedWith: app });
    expect(restarted.content.get('banner').id).toBe('banner');
  });
});
