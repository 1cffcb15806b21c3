import { describe, expect, it } from 'vitest';
import type { PricingCustomer } from '../../domain/pricing/index.js';
import { LowestPriceMemo, type LowestPriceQuery } from './lowest-price-memo.js';

const regular: PricingCustomer = { segments: new Set(['regulars', 'gb']), country: 'gb' };
const query = (changes: Partial<LowestPriceQuery> = {}): LowestPriceQuery => ({
  productId: 'kettle',
  productVersion: 1,
  currency: 'GBP',
  saleStart: 1_000,
  customer: regular,
  loyaltyPercentOff: undefined,
  ...changes,
});

/** A memo and how many times it worked a price out. */
function counted() {
  const memo = new LowestPriceMemo();
  let computed = 0;
  /** `null`: no prior price. */
  const get = (asked: LowestPriceQuery, price: number | null = 1_500) =>
    memo.get(asked, () => {
      computed += 1;
      return price ?? undefined;
    });
  return { memo, get, computed: () => computed };
}

describe('LowestPriceMemo', () => {
  it('works a price out once for the same product, sale and shopper, whichever request asks', () => {
    const { get, computed } = counted();
    expect(get(query())).toBe(1_500);
    expect(get(query({ customer: { segments: new Set(['gb', 'regulars']), country: 'gb' } }))).toBe(1_500);
    expect(computed()).toBe(1);
  });

  it('keeps "no prior price" too', () => {
    const { get, computed } = counted();
    expect(get(query(), null)).toBeUndefined();
    expect(get(query(), 99)).toBeUndefined();
    expect(computed()).toBe(1);
  });

  it('works it out again for anything the price depends on', () => {
    const { get, computed } = counted();
    get(query());
    get(query({ productVersion: 2 }));
    get(query({ currency: 'EUR' }));
    get(query({ saleStart: 2_000 }));
    get(query({ loyaltyPercentOff: 5 }));
    get(query({ customer: { ...regular, segments: new Set(['regulars']) } }));
    get(query({ customer: { ...regular, companyId: 'acme' } }));
    get(query({ customer: { ...regular, loyaltyTier: 'gold' } }));
    get(query({ customer: { ...regular, channel: 'app' } }));
    get(query({ customer: { ...regular, userId: 'u1' } }));
    get(query({ customer: { ...regular, priceLists: { enable: new Set(['trial']), disable: new Set() } } }));
    get(query({ customer: { ...regular, priceLists: { enable: new Set(), disable: new Set(['trial']) } } }));
    expect(computed()).toBe(12);
  });

  it('forgets one product, or everything', () => {
    const { memo, get, computed } = counted();
    get(query());
    get(query({ productId: 'toaster' }));
    memo.forget('kettle');
    get(query());
    get(query({ productId: 'toaster' }));
    expect(computed()).toBe(3);
    memo.clear();
    get(query({ productId: 'toaster' }));
    expect(computed()).toBe(4);
  });
});
