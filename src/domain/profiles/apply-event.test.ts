import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent, type ApplyContext } from './apply-event.js';
import { readEvent } from './normalize-event.js';
import { mergeProfiles } from './merge-profiles.js';
import { createProfile, type Profile } from './profile.js';
import { viewProfile } from './profile-view.js';
import { rfmThresholds } from './rfm.js';
import type { TrackedEvent } from './event.js';

const now = Date.parse('2026-03-01T12:00:00Z');
const context: ApplyContext = {
  productFacts: (id) => (id === 'mug' ? { categories: ['home/kitchen/mugs'], brand: 'Acme' } : undefined),
  isNewOrder: true,
  fromServer: true,
};

function event(raw: Record<string, unknown>): TrackedEvent {
  const result = readEvent(
    { userId: 'u', ...raw },
    { receivedAt: now, storeCurrency: 'GBP', fromServer: true, fallbackMessageId: 'm' },
  );
  if (!result.ok) throw new Error(result.problem.code);
  return result.event;
}

const order = (orderId: string, total: number, timestamp = '2026-02-01T10:00:00Z') =>
  event({
    type: 'track',
    event: 'Order Completed',
    timestamp,
    properties: { order_id: orderId, total, products: [{ product_id: 'mug', price: total, quantity: 1 }] },
  });

function apply(profile: Profile, events: TrackedEvent[], overrides: Partial<ApplyContext> = {}): Profile {
  return events.reduce((current, next) => applyEvent(current, next, { ...context, ...overrides }), profile);
}

const fresh = () => createProfile('p1', '2026-01-01T00:00:00.000Z', { userId: 'u' });
const view = (profile: Profile) =>
  viewProfile(profile, {
    now,
    currency: 'GBP',
    rfm: rfmThresholds([profile], 'GBP', now),
    consentDefault: 'granted',
  });

describe('applyEvent', () => {
  it('counts orders, lifetime value and average order value in minor units', () => {
    const profile = apply(fresh(), [
      order('o1', 10.5),
      order('o2', 20, '2026-02-10T10:00:00Z'),
      order('o3', 0.01, '2026-01-05T10:00:00Z'),
    ]);
    const computed = view(profile).computed;
    expect(computed).toMatchObject({
      orderCount: 3,
      lifetimeValue: { GBP: 3051 },
      averageOrderValue: { GBP: 1017 },
      firstOrderAt: '2026-01-05T10:00:00.000Z',
      lastOrderAt: '2026-02-10T10:00:00.000Z',
    });
    expect(computed.affinities.categories).toEqual([{ key: 'home/kitchen/mugs', score: 1 }]);
    expect(computed.affinities.brands).toEqual([{ key: 'acme', score: 1 }]);
  });

  it('does not count an order the caller has already seen', () => {
    const profile = apply(fresh(), [order('o1', 10)], { isNewOrder: false });
    expect(profile.stats.orderCount).toBe(0);
  });

  it('takes a refund off lifetime value, never below zero, using the order amount when the refund names none', () => {
    let profile = apply(fresh(), [order('o1', 10)]);
    profile = apply(profile, [
      event({ type: 'track', event: 'Order Refunded', properties: { order_id: 'o1', total: 4 } }),
    ]);
    expect(profile.stats.lifetimeValue).toEqual({ GBP: 600 });
    profile = apply(
      profile,
      [event({ type: 'track', event: 'Order Refunded', properties: { order_id: 'o1' } })],
      { refundedOrderAmount: 1000 },
    );
    expect(profile.stats.lifetimeValue).toEqual({ GBP: 0 });
    expect(profile.stats.orderCount).toBe(1);
  });

  it('keeps the cart and recently viewed products current', () => {
    const profile = apply(fresh(), [
      event({ type: 'track', event: 'Product Viewed', properties: { product_id: 'a' } }),
      event({ type: 'track', event: 'Product Viewed', properties: { product_id: 'b' } }),
      event({ type: 'track', event: 'Product Viewed', properties: { product_id: 'a' } }),
      event({ type: 'track', event: 'Product Added', properties: { product_id: 'a', quantity: 2 } }),
      event({ type: 'track', event: 'Product Added', properties: { product_id: 'b' } }),
      event({ type: 'track', event: 'Product Removed', properties: { product_id: 'a', quantity: 1 } }),
      event({ type: 'track', event: 'Product Removed', properties: { product_id: 'b' } }),
    ]);
    expect(profile.recentlyViewed).toEqual(['a', 'b']);
    expect(profile.cart).toEqual([{ productId: 'a', quantity: 1 }]);
    expect(apply(profile, [order('o', 1)]).cart).toEqual([]);
  });

  it('lets only the server set the company trait that B2B prices read', () => {
    const identify = event({ type: 'identify', traits: { email: 'e@x.com', company: { id: 'bigcorp' } } });
    expect(apply(fresh(), [identify], { fromServer: false }).traits).toEqual({ email: 'e@x.com' });
    expect(apply(fresh(), [identify]).traits).toEqual({ email: 'e@x.com', company: { id: 'bigcorp' } });
  });

  it('prefers the newer consent answer, whatever the arrival order', () => {
    const late = event({
      type: 'track',
      event: 'x',
      timestamp: '2026-02-02T00:00:00Z',
      context: { consent: { personalization: false } },
    });
    const early = event({
      type: 'track',
      event: 'x',
      timestamp: '2026-02-01T00:00:00Z',
      context: { consent: { personalization: true } },
    });
    expect(apply(fresh(), [late, early]).consent.personalization?.granted).toBe(false);
    expect(apply(fresh(), [early, late]).consent.personalization?.granted).toBe(false);
  });

  it('reaches the same order counters whatever order the orders arrive in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 27 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.nat(),
        (orders, rotation) => {
          const events = orders.map(([pence, day], index) =>
            order(`o${index}`, pence / 100, `2026-02-${String(day).padStart(2, '0')}T00:00:00Z`),
          );
          const cut = rotation % events.length;
          const shuffled = [...events.slice(cut), ...events.slice(0, cut)].reverse();
          const inOrder = apply(fresh(), events).stats;
          const outOfOrder = apply(fresh(), shuffled).stats;
          expect(outOfOrder).toEqual(inOrder);
          expect(inOrder.lifetimeValue['GBP']).toBe(orders.reduce((sum, [pence]) => sum + pence, 0));
        },
      ),
    );
  });
});

describe('applyEvent over a run of events that owns its copies', () => {
  const products = ['mug', 'vase', 'lamp', 'rug'];
  const facts: ApplyContext['productFacts'] = (id) => ({
    categories: [`home/${id}`, `gifts/${id.length}`],
    brand: `brand-${id}`,
  });
  const anyEvent = fc.record({
    name: fc.constantFrom('Product Viewed', 'Product Added', 'Order Completed'),
    product: fc.constantFrom(...products),
    day: fc.integer({ min: 1, max: 28 }),
  });

  it('gives the profile that applying each event alone gives, and leaves the profile it started from alone', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 40 }), (runs) => {
        const events = runs.map(({ name, product, day }, index) =>
          event({
            type: 'track',
            event: name,
            messageId: `m${index}`,
            timestamp: `2026-02-${String(day).padStart(2, '0')}T10:00:00Z`,
            properties: {
              order_id: `o${index}`,
              product_id: product,
              price: 5,
              products: [{ product_id: product, price: 5 }],
            },
          }),
        );
        const start = apply(fresh(), events.slice(0, 3), { productFacts: facts });
        const before = JSON.stringify(start);
        const alone = apply(start, events, { productFacts: facts });
        const owned = new WeakSet<object>();
        const together = apply(start, events, { productFacts: facts, owned });
        expect(together).toEqual(alone);
        expect(JSON.stringify(together)).toBe(JSON.stringify(alone));
        expect(JSON.stringify(start)).toBe(before);
      }),
    );
  });
});

describe('mergeProfiles', () => {
  it('folds an anonymous session into the known customer', () => {
    const known = apply(fresh(), [order('o1', 10)]);
    const anonymous = apply(createProfile('p2', '2026-02-20T00:00:00.000Z', { anonymousId: 'a-9' }), [
      event({
        type: 'track',
        event: 'Product Viewed',
        userId: undefined,
        anonymousId: 'a-9',
        properties: { product_id: 'mug' },
      }),
      event({
        type: 'track',
        event: 'Product Added',
        userId: undefined,
        anonymousId: 'a-9',
        properties: { product_id: 'mug' },
      }),
    ]);
    const merged = mergeProfiles(known, anonymous, '2026-03-01T12:00:00.000Z');
    expect(merged).toMatchObject({
      id: 'p1',
      userId: 'u',
      anonymousIds: ['a-9'],
      recentlyViewed: ['mug'],
      cart: [{ productId: 'mug', quantity: 1 }],
    });
    expect(merged.stats.orderCount).toBe(1);
    expect(merged.categoryAffinity['home/kitchen/mugs']?.score).toBeGreaterThan(
      known.categoryAffinity['home/kitchen/mugs']?.score ?? 0,
    );
  });
});
