import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchableProduct } from '../shared/index.js';
import table from './cases/resolve.json' with { type: 'json' };
import { compilePriceList } from './compiled-list.js';
import { lowestPrice, saysOnlyTodaysPrice } from './lowest-price.js';
import { PriceIndex } from './price-index.js';
import { draftPriceList, type PriceList, type PriceListInput } from './price-list.js';
import { resolvePrice, type PricedProduct, type PriceRequest } from './resolve-price.js';

type Product = PricedProduct & MatchableProduct;

interface Case {
  name: string;
  product: keyof typeof table.products;
  lists: (keyof typeof table.lists)[];
  quantity?: number;
  currency?: string;
  now?: string;
  customer?: {
    segments?: string[];
    userId?: string;
    companyId?: string;
    loyaltyTier?: string;
    channel?: string;
    country?: string;
  };
  loyaltyPerk?: { tier: string; percentOff: number };
  minMarginPercent?: number;
  expect: Record<string, unknown>;
}

const list = (id: string, input: PriceListInput): PriceList => ({
  ...draftPriceList(id, input),
  version: 1,
  updatedAt: '2026-06-01T00:00:00.000Z',
});
const never = () => false;

function request(row: Partial<Case>): PriceRequest {
  const { segments = [], ...rest } = row.customer ?? {};
  return {
    currency: row.currency ?? 'GBP',
    customer: { ...rest, segments: new Set(segments) },
    now: Date.parse(row.now ?? table.now),
    minMarginPercent: row.minMarginPercent ?? 0,
    ...(row.loyaltyPerk !== undefined && { loyaltyPerk: row.loyaltyPerk }),
  };
}

describe('price resolution (cases/resolve.json)', () => {
  it.each(table.cases as Case[])('$name', (row) => {
    const product = table.products[row.product] as Product;
    const index = new PriceIndex(
      row.lists.map((id) => list(id, table.lists[id] as PriceListInput)),
      never,
    );
    const result = resolvePrice(product, row.quantity ?? 1, request(row), index.candidates(product));
    const { error, final, base, lineTotal, ...rest } = row.expect;
    if (error !== undefined) {
      expect(result).toEqual({ ok: false, code: error });
      return;
    }
    if (!result.ok) throw new Error(`unexpected ${result.code}`);
    const currency = row.currency ?? 'GBP';
    expect(result.final).toEqual({ amount: final, currency });
    if (base !== undefined) expect(result.base).toEqual(base);
    if (lineTotal !== undefined) expect(result.lineTotal).toEqual({ amount: lineTotal, currency });
    expect(result).toMatchObject(rest);
  });
});

describe('price lists', () => {
  it.each([
    [{ type: 'sale', currency: 'GBP' }, '/prices'],
    [{ type: 'sale', currency: 'GBP', prices: [], rule: { percentOff: 5, match: {} } }, '/rule'],
    [{ type: 'sale', currency: 'GBP', rule: { percentOff: 101, match: {} } }, '/rule/percentOff'],
    [
      {
        type: 'sale',
        currency: 'GBP',
        startsAt: '2026-02-01T00:00:00Z',
        endsAt: '2026-01-01T00:00:00Z',
        prices: [],
      },
      '/endsAt',
    ],
    [
      {
        type: 'sale',
        currency: 'GBP',
        prices: [
          { productId: 'a', amount: 1 },
          { productId: 'a', amount: 2 },
        ],
      },
      '/prices/1/productId',
    ],
    [
      { type: 'sale', currency: 'GBP', prices: [{ productId: 'a', tiers: [{ minQuantity: 0, amount: 5 }] }] },
      '/prices/0/tiers/0/minQuantity',
    ],
    [
      {
        type: 'sale',
        currency: 'GBP',
        prices: [
          {
            productId: 'a',
            tiers: [
              { minQuantity: 1, amount: 5 },
              { minQuantity: 1, amount: 4 },
            ],
          },
        ],
      },
      '/prices/0/tiers/1/minQuantity',
    ],
    [
      {
        type: 'sale',
        currency: 'GBP',
        prices: [
          {
            productId: 'a',
            tiers: [
              { minQuantity: 10, amount: 6 },
              { minQuantity: 1, amount: 5 },
            ],
          },
        ],
      },
      '/prices/0/tiers/0/amount',
    ],
    [
      {
        type: 'override',
        currency: 'GBP',
        prices: [{ productId: 'a', tiers: [{ minQuantity: 10, amount: 6 }] }],
      },
      '/prices/0/tiers',
    ],
  ])('refuses %o at %s', (input, pointer) => {
    expect(() => draftPriceList('x', input as PriceListInput)).toThrowError(
      expect.objectContaining({ code: 'invalid_price_list', details: { pointer } }) as Error,
    );
  });
});

/** Random price lists over one product, for the laws below. */
const money = fc.integer({ min: 0, max: 1_000_000 });
const audience = fc.oneof(
  fc.constant({}),
  fc.constant({ segments: ['vip'] }),
  fc.constant({ companies: ['acme'] }),
  fc.constant({ segments: ['nobody'] }),
);
const tiers = fc
  .uniqueArray(fc.integer({ min: 2, max: 50 }), { maxLength: 3 })
  .map((quantities) => [1, ...quantities])
  .chain((quantities) =>
    fc.array(money, { minLength: quantities.length, maxLength: quantities.length }).map((amounts) => {
      const sortedAmounts = [...amounts].sort((a, b) => b - a);
      return [...quantities]
        .sort((a, b) => a - b)
        .map((minQuantity, index) => ({ minQuantity, amount: sortedAmounts[index] as number }));
    }),
  );
const listInput = fc.record({
  type: fc.constantFrom('sale' as const, 'override' as const),
  currency: fc.constant('GBP'),
  priority: fc.integer({ min: 0, max: 3 }),
  audience,
  body: fc.oneof(
    money.map((amount) => ({ prices: [{ productId: 'p', amount }] })),
    tiers.map((steps) => ({ prices: [{ productId: 'p', tiers: steps }] })),
    fc.integer({ min: 0, max: 100 }).map((percentOff) => ({ rule: { percentOff, match: {} } })),
    money.map((amountOff) => ({ rule: { amountOff, match: {} } })),
  ),
});
const lists = fc
  .array(listInput, { maxLength: 6 })
  .map((inputs) => inputs.map(({ body, ...input }, index) => list(`l${index}`, { ...input, ...body })));
const product = fc
  .record({ base: money, cost: fc.option(money, { nil: undefined }) })
  .map(({ base, cost }): Product => ({
    id: 'p',
    price: { amount: base, currency: 'GBP' },
    ...(cost !== undefined && { cost: { amount: cost, currency: 'GBP' } }),
    categories: [],
    attributes: {},
  }));
const customer = { segments: new Set(['vip']), companyId: 'acme' };
const at = (margin: number) => ({ currency: 'GBP', customer, now: 0, minMarginPercent: margin });

describe('laws of price resolution', () => {
  it('with sale lists only, the price never exceeds the base', () => {
    fc.assert(
      fc.property(product, lists, fc.integer({ min: 1, max: 60 }), (item, all, quantity) => {
        const sales = all.filter((entry) => entry.type === 'sale').map(compilePriceList);
        const result = resolvePrice(item, quantity, at(0), sales);
        expect(result.ok && result.final.amount <= item.price.amount).toBe(true);
      }),
    );
  });

  it('is never negative, and never below the margin floor unless the undiscounted price was', () => {
    fc.assert(
      fc.property(
        product,
        lists,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 50 }),
        (item, all, quantity, margin) => {
          const result = resolvePrice(item, quantity, at(margin), all.map(compilePriceList));
          if (!result.ok) return;
          expect(result.final.amount).toBeGreaterThanOrEqual(0);
          if (item.cost !== undefined && result.applied.every((step) => step.kind !== 'override')) {
            const floor = Math.min(
              item.cost.amount + Math.ceil((item.cost.amount * margin) / 100),
              item.price.amount,
            );
            expect(result.final.amount).toBeGreaterThanOrEqual(floor);
          }
        },
      ),
    );
  });

  it('within one list, the unit price never rises as the quantity grows', () => {
    fc.assert(
      fc.property(product, listInput, (item, input) => {
        const compiled = [compilePriceList(list('only', { ...input, ...input.body }))];
        let previous = Infinity;
        for (let quantity = 1; quantity <= 60; quantity += 1) {
          const result = resolvePrice(item, quantity, at(0), compiled);
          if (!result.ok) continue;
          expect(result.final.amount).toBeLessThanOrEqual(previous);
          previous = result.final.amount;
        }
      }),
    );
  });

  it('is deterministic and does not depend on the order the lists were created in', () => {
    fc.assert(
      fc.property(product, lists, fc.integer({ min: 1, max: 60 }), (item, all, quantity) => {
        const forward = resolvePrice(item, quantity, at(10), all.map(compilePriceList));
        const backward = resolvePrice(item, quantity, at(10), [...all].reverse().map(compilePriceList));
        const strip = (result: typeof forward) =>
          result.ok ? { ...result, sale: result.sale?.list.id } : result;
        expect(strip(backward)).toEqual(strip(forward));
      }),
    );
  });
});

describe('lowestPrice (EU Omnibus prior price)', () => {
  it('finds the lowest price of the window from list versions and base prices', () => {
    const day = 86_400_000;
    const item = table.products.mug as Product;
    const older = list('spring', {
      type: 'sale',
      currency: 'GBP',
      prices: [{ productId: 'mug', amount: 800 }],
    });
    const history = {
      lists: [{ list: older, from: 10 * day, to: 12 * day }],
      base: [
        { amount: 1200, currency: 'GBP', from: 0, to: 20 * day },
        { amount: 1000, currency: 'GBP', from: 20 * day, to: null },
      ],
    };
    const request = {
      currency: 'GBP',
      customer: { segments: new Set<string>() },
      now: 30 * day,
      minMarginPercent: 0,
    };
    expect(lowestPrice(item, { from: 5 * day, to: 30 * day }, request, history, never)).toBe(800);
    expect(lowestPrice(item, { from: 13 * day, to: 30 * day }, request, history, never)).toBe(1000);
    expect(lowestPrice(item, { from: 13 * day, to: 19 * day }, request, history, never)).toBe(1200);
  });

  it('answers the same without a history that holds only the price in force since some instant', () => {
    const instant = fc.integer({ min: 0, max: 40 });
    fc.assert(
      fc.property(product, lists, instant, instant, instant, (item, all, since, from, length) => {
        const versions = all.map((entry, index) => ({ list: entry, from: index, to: null }));
        const base = [{ ...item.price, from: since, to: null }];
        const request = { currency: 'GBP', customer, now: from + length, minMarginPercent: 0 };
        const window = { from, to: from + length + 1 };
        expect(saysOnlyTodaysPrice(base, item.price)).toBe(true);
        expect(lowestPrice(item, window, request, { lists: versions, base }, never)).toBe(
          lowestPrice(item, window, request, { lists: versions, base: [] }, never),
        );
      }),
    );
  });

  it('keeps a history with an earlier price, another currency or a version that ended', () => {
    const price = { amount: 1000, currency: 'GBP' };
    const open = { ...price, from: 0, to: null };
    expect(saysOnlyTodaysPrice([open], price)).toBe(true);
    expect(saysOnlyTodaysPrice([], price)).toBe(false);
    expect(saysOnlyTodaysPrice([{ ...open, amount: 900 }], price)).toBe(false);
    expect(saysOnlyTodaysPrice([{ ...open, currency: 'EUR' }], price)).toBe(false);
    expect(saysOnlyTodaysPrice([{ ...open, to: 5 }], price)).toBe(false);
    expect(
      saysOnlyTodaysPrice(
        [
          { ...open, amount: 1200, to: 3 },
          { ...open, from: 3 },
        ],
        price,
      ),
    ).toBe(false);
  });
});
