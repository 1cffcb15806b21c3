import { describe, expect, it } from 'vitest';
import { pageChanges, type WatchedPage } from './page-changes.js';

const gbp = (amount: number) => ({ amount, currency: 'GBP' });
const page = (overrides: Partial<WatchedPage> = {}): WatchedPage => ({
  segments: [],
  prices: new Map(),
  stock: new Map(),
  offers: new Map(),
  ...overrides,
});

describe('pageChanges', () => {
  it('reports nothing when nothing the page showed changed', () => {
    const same = page({
      segments: ['vip'],
      prices: new Map([['mug', gbp(800)]]),
      stock: new Map([['mug', { inStock: true, available: 4 }]]),
      offers: new Map([['free-ship', { title: 'Free', badge: 'Free', qualified: false }]]),
    });
    expect(pageChanges(same, same)).toEqual([]);
  });

  it('reports a changed price with before and after, but not the price of a newly watched product', () => {
    const before = page({ prices: new Map([['mug', gbp(800)]]) });
    const after = page({
      prices: new Map([
        ['mug', gbp(720)],
        ['plate', gbp(600)],
      ]),
    });
    expect(pageChanges(before, after)).toEqual([
      { type: 'price.changed', data: { productId: 'mug', before: gbp(800), after: gbp(720) } },
    ]);
  });

  it('reports stock only when a product goes in or out of stock', () => {
    const before = page({
      stock: new Map([
        ['mug', { inStock: true, available: 4 }],
        ['plate', { inStock: true, available: 2 }],
      ]),
    });
    const after = page({
      stock: new Map([
        ['mug', { inStock: true, available: 3 }],
        ['plate', { inStock: false, available: 0 }],
      ]),
    });
    expect(pageChanges(before, after)).toEqual([
      { type: 'stock.changed', data: { productId: 'plate', inStock: false, available: 0 } },
    ]);
  });

  it('unlocks an offer when the cart newly qualifies, not when it merely stays open', () => {
    const offer = (qualified: boolean) => ({ title: '10% off', badge: '-10%', qualified });
    const before = page({
      offers: new Map([
        ['spend', offer(false)],
        ['always', offer(true)],
      ]),
    });
    const after = page({
      offers: new Map([
        ['spend', offer(true)],
        ['always', offer(true)],
        ['open', offer(false)],
      ]),
    });
    expect(pageChanges(before, after)).toEqual([
      { type: 'offer.unlocked', data: { promotionId: 'spend', title: '10% off', badge: '-10%' } },
    ]);
  });

  it('reports segments entered, not segments left', () => {
    expect(pageChanges(page({ segments: ['a', 'b'] }), page({ segments: ['b', 'c'] }))).toEqual([
      { type: 'segment.entered', data: { segmentId: 'c' } },
    ]);
  });
});
