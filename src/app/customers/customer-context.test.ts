import { describe, expect, it } from 'vitest';
import { useApps } from '../../../test/support/app-fixture.js';
import { priceShopperOf } from './customer-context.js';

const start = useApps();

describe('CustomerContexts.resolve', () => {
  it('gives a trusted caller the customer they name, with their segments and pricing facts', async () => {
    const app = await start();
    await app.rules.segments.put('b2b', { name: 'B2B', rule: { trait: 'traits.company.id', op: 'exists' } });
    await app.rules.backfill.idle();
    await app.track({
      type: 'identify',
      userId: 'u1',
      traits: { country: 'GB', company: { id: 'acme' } },
    });
    const customer = await app.customer({ userId: 'u1', context: { channel: 'WEB' } });
    expect(customer.personalized).toBe(true);
    expect(customer.profile?.userId).toBe('u1');
    expect(customer.segments).toEqual(['b2b']);
    expect(customer.pricing).toMatchObject({
      userId: 'u1',
      companyId: 'acme',
      channel: 'web',
      country: 'gb',
    });
    expect([...customer.pricing.segments]).toEqual(['b2b']);
    // The request's country wins over the stored one.
    expect((await app.customer({ userId: 'u1', context: { country: 'FR' } })).pricing.country).toBe('fr');
  });

  it('treats a browser naming a customer without their token as an anonymous visitor', async () => {
    const app = await start();
    await app.track({ type: 'identify', userId: 'u1', traits: { company: { id: 'acme' } } });
    const asSomeoneElse = await app.customer({ userId: 'u1', trusted: false });
    expect(asSomeoneElse.personalized).toBe(false);
    expect(asSomeoneElse.profile).toBeUndefined();
    expect(asSomeoneElse.pricing.companyId).toBeUndefined();
    const wrongToken = (await app.tokens.mint('u2')).token;
    expect(
      (await app.customer({ userId: 'u1', trusted: false, customerToken: wrongToken })).profile,
    ).toBeUndefined();

    const { token } = await app.tokens.mint('u1');
    const proven = await app.customer({ userId: 'u1', trusted: false, customerToken: token });
    expect(proven.profile?.userId).toBe('u1');
    expect(proven.pricing.companyId).toBe('acme');
  });

  it('does not let an anonymous id reach the customer it was tied to, unless proven', async () => {
    const app = await start();
    await app.track({ type: 'identify', userId: 'u1', anonymousId: 'anon-1' });
    await app.track({ type: 'track', anonymousId: 'anon-2', event: 'Product Viewed', properties: {} });
    expect((await app.customer({ anonymousId: 'anon-1', trusted: false })).profile).toBeUndefined();
    expect((await app.customer({ anonymousId: 'anon-2', trusted: false })).profile?.anonymousIds).toEqual([
      'anon-2',
    ]);
    const { token } = await app.tokens.mint('u1');
    const proven = await app.customer({
      userId: 'u1',
      anonymousId: 'anon-1',
      trusted: false,
      customerToken: token,
    });
    expect(proven.profile?.userId).toBe('u1');
    expect((await app.customer({ anonymousId: 'anon-1' })).profile?.userId).toBe('u1');
  });

  it('answers as for an anonymous visitor when the customer refused personalisation', async () => {
    const app = await start();
    await app.rules.segments.put('all', {
      name: 'Everyone known',
      rule: { trait: 'traits.country', op: 'exists' },
    });
    await app.rules.backfill.idle();
    await app.track({ type: 'identify', userId: 'u1', traits: { country: 'GB' } });
    await app.profiles.setConsent('u1', { personalization: false }, true);
    const customer = await app.customer({ userId: 'u1' });
    expect(customer).toMatchObject({ personalized: false, segments: [] });
    expect(customer.profile).toBeUndefined();
    expect(customer.pricing.userId).toBeUndefined();
  });

  it('evaluates contextual segments with the request, and gives a tier its pricing perk', async () => {
    const app = await start();
    await app.rules.segments.put('in-store', {
      name: 'In store',
      rule: { context: 'channel', op: 'eq', value: 'pos' },
    });
    await app.rules.loyalty.put({
      currency: 'GBP',
      pointsPerUnit: 1,
      tiers: [
        { id: 'member', perks: {} },
        { id: 'gold', minPoints: 10, perks: { percentOff: 5 } },
      ],
    });
    await app.rules.backfill.idle();
    await app.track({
      type: 'track',
      userId: 'u1',
      event: 'Order Completed',
      properties: { order_id: 'o1', total: 20, currency: 'GBP' },
    });
    const inStore = await app.customer({ userId: 'u1', context: { channel: 'pos' } });
    expect(inStore.segments).toEqual(['in-store']);
    expect(inStore.loyaltyTier).toBe('gold');
    expect(priceShopperOf(inStore).loyaltyPerk).toEqual({ tier: 'gold', percentOff: 5 });
    const online = await app.customer({ userId: 'u1', context: { channel: 'web' } });
    expect(online.segments).toEqual([]);
    // A visitor in the store is in the contextual segment too: it reads only the request.
    expect((await app.customer({ anonymousId: 'v', context: { channel: 'pos' } })).segments).toEqual([
      'in-store',
    ]);
  });
});
