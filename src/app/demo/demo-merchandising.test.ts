import { describe, expect, it } from 'vitest';
import { useApps } from '../../../test/support/app-fixture.js';
import { setUpDemoMerchandising } from './demo-merchandising.js';

const start = useApps();

describe('setUpDemoMerchandising', () => {
  it('sets up what the demo shows through the real services, and may run again', async () => {
    const app = await start();
    await app.addProducts(
      { id: 'heart', categories: ['home/decor'], price: { amount: 1_000, currency: 'GBP' } },
      { id: 'mug', categories: ['home/kitchen'], price: { amount: 1_000, currency: 'GBP' } },
    );
    const deps = {
      segments: app.rules.segments,
      pricing: app.pricing,
      promotions: app.promotions,
      content: app.content,
      currency: 'GBP',
    };
    await setUpDemoMerchandising(deps);
    await setUpDemoMerchandising(deps);
    await app.rules.backfill.idle();
    expect((await app.store.listSegments()).map((segment) => segment.id)).toEqual(['regulars']);
    expect((await app.store.listPriceLists()).map((list) => list.id)).toEqual(['regulars-home-decor']);
    expect((await app.store.listPromotions()).map((promotion) => promotion.id)).toEqual(['spend-25']);
    expect((await app.store.listContentSlots()).map((slot) => slot.id)).toEqual(['home-hero']);

    // A customer with ten orders is a regular: 5% off home decor, and the regulars' banner.
    await app.track(
      ...Array.from({ length: 10 }, (_, index) => ({
        type: 'track',
        userId: 'loyal',
        event: 'Order Completed',
        properties: { order_id: `o${index}`, total: 10, currency: 'GBP' },
      })),
    );
    const regular = await app.customer({ userId: 'loyal' });
    expect(regular.segments).toEqual(['regulars']);
    const [decor, kitchen] = app.pricing.resolve(
      [
        { productId: 'heart', quantity: 1 },
        { productId: 'mug', quantity: 1 },
      ],
      'GBP',
      { customer: regular.pricing },
    );
    expect(decor?.final?.amount).toBe(950);
    expect(kitchen?.final?.amount).toBe(1_000);
    expect(app.content.resolve(['home-hero'], regular)['home-hero']?.variantId).toBe('regulars');
    const visitor = await app.customer({ anonymousId: 'new' });
    expect(app.content.resolve(['home-hero'], visitor)['home-hero']?.variantId).toBe('welcome');
    // The spend promotion nudges a small cart and applies to a large one.
    const small = await app.checkout.evaluate(
      { currency: 'GBP', items: [{ productId: 'mug', quantity: 1 }] },
      visitor,
    );
    expect(small.nudges.map((nudge) => nudge.promotionId)).toEqual(['spend-25']);
    const large = await app.checkout.evaluate(
      { currency: 'GBP', items: [{ productId: 'mug', quantity: 3 }] },
      visitor,
    );
    expect(large.applied.map((applied) => applied.promotionId)).toEqual(['spend-25']);
  });
});
