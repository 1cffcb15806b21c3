import { describe, expect, it } from 'vitest';
import { useApps, type AppFixture } from '../../../test/support/app-fixture.js';
import type { Decision } from './decide-service.js';

const start = useApps();

/** A small shop: kitchen products, a price list for regulars, an order promotion and a banner. */
async function shop(app: AppFixture): Promise<void> {
  await app.addProducts(
    { id: 'mug', categories: ['home/kitchen'], price: { amount: 1_000, currency: 'GBP' } },
    { id: 'plate', categories: ['home/kitchen'], price: { amount: 600, currency: 'GBP' } },
    { id: 'lamp', categories: ['home/lighting'], price: { amount: 5_000, currency: 'GBP' } },
  );
  await app.rules.segments.put('regulars', {
    name: 'Regulars',
    rule: { trait: 'traits.regular', op: 'eq', value: true },
  });
  await app.pricing.put('regulars-kitchen', {
    type: 'sale',
    currency: 'GBP',
    audience: { segments: ['regulars'] },
    rule: { percentOff: 10, match: { categories: ['home/kitchen'] } },
  });
  await app.promotions.put('spend-20', {
    title: '10% off over £20',
    conditions: { subtotal: { gte: 2_000 } },
    action: { type: 'percent_off', target: 'order', percent: 10 },
  });
  await app.content.put('hero', { variants: [{ id: 'welcome', payload: { title: 'Hello' } }] });
  await app.rules.backfill.idle();
  await app.track(
    { type: 'identify', userId: 'u1', traits: { regular: true } },
    {
      type: 'track',
      userId: 'u2',
      event: 'Order Completed',
      properties: {
        order_id: 'o1',
        total: 16,
        products: [
          { product_id: 'mug', price: 10 },
          { product_id: 'plate', price: 6 },
        ],
      },
    },
  );
}

const request = {
  currency: 'GBP',
  listing: { category: 'home/kitchen', limit: 10 },
  recommendations: [{ slot: 'more', strategy: 'popular' as const, limit: 3 }],
  content: ['hero', 'missing'],
  cart: { items: [{ productId: 'mug', quantity: 1 }] },
};

describe('DecideService.decide', () => {
  it('answers the whole page for one customer, with the listing price the cart charges', async () => {
    const app = await start();
    await shop(app);
    const decision = await app.decide.decide(request, await app.customer({ userId: 'u1' }));
    expect(decision).toMatchObject({
      personalized: true,
      customer: { segments: ['regulars'] },
      content: { hero: { variantId: 'welcome' } },
      experiments: [],
    });
    expect(decision.decisionId).toMatch(/^dec_/);
    expect(decision.listing?.items.map((item) => item.productId).sort()).toEqual(['mug', 'plate']);
    const listed = decision.listing?.items.find((item) => item.productId === 'mug');
    expect(listed?.price.final).toEqual({ amount: 900, currency: 'GBP' });
    const cart = decision.cart as Extract<Decision['cart'], { lines: unknown }>;
    expect(cart.lines[0]?.unitPrice).toEqual(listed?.price.final);
    expect(decision.recommendations['more']?.items.map((item) => item.productId)).not.toContain('mug');
    expect(decision.offers.map((offer) => offer.promotionId)).toEqual(['spend-20']);
    expect(decision.offers[0]?.missing).toBeDefined();
  });

  it('reports a cart it cannot price in the answer rather than failing the page', async () => {
    const app = await start();
    await shop(app);
    const decision = await app.decide.decide(
      { ...request, cart: { items: [{ productId: 'ghost', quantity: 1 }] } },
      await app.customer({ anonymousId: 'visitor' }),
    );
    expect(decision.personalized).toBe(false);
    expect(decision.cart).toEqual({ error: { code: 'cart_item_unavailable', detail: expect.any(String) } });
    // Offers are still worked out, as for no cart.
    expect(decision.offers.map((offer) => offer.promotionId)).toEqual(['spend-20']);
    expect(decision.listing?.items.find((item) => item.productId === 'mug')?.price.final?.amount).toBe(1_000);
  });

  it('records what it showed, to whom, for attribution', async () => {
    const app = await start();
    await shop(app);
    const customer = await app.customer({ userId: 'u1' });
    const decision = await app.decide.decide(request, customer);
    await app.decisionLog.flush();
    const recorded = await app.store.getDecision(decision.decisionId);
    expect(recorded).toMatchObject({ profileId: customer.profile?.id, at: app.clock.now() });
    const shown = JSON.parse(recorded?.shown ?? '{}');
    expect(shown).toEqual({
      listing: decision.listing?.items.map((item) => item.productId),
      recommendations: { more: decision.recommendations['more']?.items.map((item) => item.productId) },
      content: { hero: 'welcome' },
      // Which strategy filled each slot, for the outcomes dashboard's per-strategy figures.
      strategies: { more: 'popular' },
      // The experiments it applied: a click citing it counts for these only.
      experiments: [],
    });
    const anonymous = await app.decide.decide({ currency: 'GBP' }, await app.customer({}));
    await app.decisionLog.flush();
    expect(await app.store.getDecision(anonymous.decisionId)).toMatchObject({ profileId: null });
  });
});
