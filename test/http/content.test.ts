import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { PUBLISHABLE_KEY, startTestAttune, type TestAttune } from '../support/test-attune.js';

const clock = new ManualClock('2026-06-15T12:00:00.000Z');
let node: TestAttune;

const HERO = {
  variants: [
    { id: 'welcome', payload: { title: 'Welcome', image: '/hero.jpg' } },
    { id: 'vip', audience: { segments: ['vip'] }, payload: { title: 'Welcome back' } },
    { id: 'fr-mobile', audience: { countries: ['FR'], devices: ['mobile'] }, payload: { title: 'Bonjour' } },
    { id: 'summer', priority: 5, startsAt: '2026-07-01T00:00:00Z', payload: { title: 'Summer sale' } },
  ],
};

beforeAll(async () => {
  node = await startTestAttune({}, { clock });
  await node.call('PUT', '/v1/segments/vip', {
    body: { name: 'VIP', rule: { trait: 'traits.plan', op: 'eq', value: 'vip' } },
  });
  await node.call('POST', '/v1/identify', { body: { userId: 'vera', traits: { plan: 'vip' } } });
});
afterAll(() => node.dispose());

const resolve = (body: Record<string, unknown>, key?: string) =>
  node.call('POST', '/v1/content:resolve', { body, ...(key !== undefined && { key }) });

describe('content slots', () => {
  it('keeps a slot with a version, honours If-Match and deletes it', async () => {
    const created = await node.call('PUT', '/v1/content/slots/home-hero', { body: HERO });
    expect(created.status).toBe(201);
    expect(created.headers['etag']).toBe('"1"');
    expect(created.json()).toMatchObject({ id: 'home-hero', version: 1 });
    expect(created.json().variants[0]).toEqual({
      id: 'welcome',
      priority: 0,
      payload: HERO.variants[0]?.payload,
    });
    const stale = await node.call('PUT', '/v1/content/slots/home-hero', {
      body: HERO,
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(412);
    expect((await node.call('PUT', '/v1/content/slots/home-hero', { body: HERO })).json().version).toBe(2);
    expect((await node.call('GET', '/v1/content/slots/home-hero')).json().variants).toHaveLength(4);
    await node.call('PUT', '/v1/content/slots/gone', { body: { variants: [{ id: 'd', payload: 1 }] } });
    expect((await node.call('DELETE', '/v1/content/slots/gone')).status).toBe(204);
    expect((await node.call('GET', '/v1/content/slots/gone')).json().code).toBe('content_slot_not_found');
  });

  it('shows each viewer the best variant for them, with the reason', async () => {
    const anonymous = (await resolve({ slots: ['home-hero'] }, PUBLISHABLE_KEY)).json();
    expect(anonymous.slots['home-hero']).toEqual({
      variantId: 'welcome',
      payload: { title: 'Welcome', image: '/hero.jpg' },
      reason: 'default',
    });
    expect((await resolve({ userId: 'vera', slots: ['home-hero'] })).json().slots['home-hero']).toMatchObject(
      {
        variantId: 'vip',
        reason: 'segment vip',
      },
    );
    const french = await resolve(
      { slots: ['home-hero', 'no-such-slot'], context: { country: 'fr', device: 'Mobile' } },
      PUBLISHABLE_KEY,
    );
    expect(french.json().slots).toEqual({
      'home-hero': {
        variantId: 'fr-mobile',
        payload: { title: 'Bonjour' },
        reason: 'country fr, device mobile',
      },
    });
  });

  it('never shows a customer’s segment variant to a caller who may not act as them', async () => {
    const asAnyone = (await resolve({ userId: 'vera', slots: ['home-hero'] }, PUBLISHABLE_KEY)).json();
    expect(asAnyone.slots['home-hero'].variantId).toBe('welcome');
  });

  it('opens a scheduled variant on time', async () => {
    clock.set('2026-07-01T00:00:00.000Z');
    expect(
      (await resolve({ userId: 'vera', slots: ['home-hero'] })).json().slots['home-hero'].variantId,
    ).toBe('summer');
    clock.set('2026-06-15T12:00:00.000Z');
  });

  it('refuses a slot without a default, with the field at fault', async () => {
    const refused = await node.call('PUT', '/v1/content/slots/bad', {
      body: { variants: [{ id: 'only-vip', audience: { segments: ['vip'] }, payload: {} }] },
    });
    expect(refused.status).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'invalid_content_slot', pointer: '/variants' });
    const noPayload = await node.call('PUT', '/v1/content/slots/bad', { body: { variants: [{ id: 'x' }] } });
    expect(noPayload.status).toBe(400);
    expect(noPayload.json().pointer).toBe('/variants/0/payload');
    const publishable = await node.call('PUT', '/v1/content/slots/x', { body: HERO, key: PUBLISHABLE_KEY });
    expect(publishable.status).toBe(403);
  });
});
