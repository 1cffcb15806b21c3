import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Match } from '../shared/index.js';
import type { AddableProduct, CartEvaluation, CartLineInput, CouponState } from './cart.js';
import { evaluateCart } from './evaluate-cart.js';
import { draftPromotion, type PromotionAction, type PromotionInput } from './promotion.js';
import { PromotionIndex } from './promotion-index.js';
import { selectForCart } from './select-promotions.js';

const PRODUCTS: AddableProduct[] = [
  {
    productId: 'mug',
    unitPrice: 1000,
    cost: 400,
    categories: ['home/kitchen/mugs'],
    brand: 'Acme',
    attributes: {},
    inStock: true,
  },
  { productId: 'plate', unitPrice: 599, categories: ['home/kitchen/plates'], attributes: {}, inStock: true },
  { productId: 'spoon', unitPrice: 1, categories: ['home/kitchen'], attributes: {}, inStock: true },
  {
    productId: 'lamp',
    unitPrice: 4999,
    cost: 5200,
    categories: ['home/lighting'],
    brand: 'Lumo',
    attributes: {},
    inStock: true,
  },
  { productId: 'candle', unitPrice: 1233, categories: ['home/decor'], attributes: {}, inStock: false },
];
const ids = PRODUCTS.map((product) => product.productId);

const match: fc.Arbitrary<Match> = fc.oneof(
  fc.subarray(ids, { minLength: 1 }).map((productIds) => ({ productIds })),
  fc.constantFrom({ categories: ['home'] }, { categories: ['home/kitchen'] }, { brands: ['acme'] }, {}),
);
const amount = fc.integer({ min: 0, max: 20_000 });
const percent = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(12.5, 33.33, 99.99));

const action: fc.Arbitrary<PromotionAction> = fc.oneof(
  fc.record(
    {
      type: fc.constant('percent_off' as const),
      target: fc.constantFrom('items' as const, 'order' as const),
      match,
      percent,
    },
    { requiredKeys: ['type', 'target', 'percent'] },
  ),
  fc.record(
    {
      type: fc.constant('amount_off' as const),
      target: fc.constantFrom('items' as const, 'order' as const),
      match,
      amount,
    },
    { requiredKeys: ['type', 'target', 'amount'] },
  ),
  fc.record({ type: fc.constant('fixed_price' as const), match, amount }),
  fc.record({
    type: fc.constant('buy_x_get_y' as const),
    buy: fc.record({ match, quantity: fc.integer({ min: 1, max: 3 }) }),
    get: fc.oneof(
      fc.record({ productId: fc.constantFrom(...ids), quantity: fc.integer({ min: 1, max: 2 }), percent }),
      fc.record({ match, quantity: fc.integer({ min: 1, max: 2 }), percent }),
    ),
  }),
  fc
    .uniqueArray(fc.integer({ min: 1, max: 30_000 }), { minLength: 1, maxLength: 3 })
    .map((thresholds) => thresholds.sort((a, b) => a - b))
    .map((thresholds) => ({
      type: 'spend_tiers' as const,
      tiers: thresholds.map((gte, index) => ({ gte, amount: Math.min(gte, (index + 1) * 300) })),
    })),
  fc.constant({ type: 'free_shipping' as const }),
  fc.constantFrom(...ids).map((productId) => ({ type: 'gift' as const, productId })),
);

const promotionInput: fc.Arbitrary<PromotionInput> = fc.record(
  {
    title: fc.constant('generated'),
    action,
    conditions: fc.record({ subtotal: fc.record({ gte: amount }) }, { requiredKeys: [] }),
    stacking: fc.record(
      {
        mode: fc.constantFrom('exclusive' as const, 'stackable' as const),
        priority: fc.integer({ min: -2, max: 2 }),
        group: fc.constantFrom('a', 'b'),
      },
      { requiredKeys: [] },
    ),
    limits: fc.record(
      {
        budget: amount.map((value) => ({ amount: value, currency: 'GBP' as const })),
        maxDiscountPerOrder: amount,
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['title', 'action'] },
);

const cart = fc.array(fc.tuple(fc.constantFrom(...PRODUCTS.slice(0, 4)), fc.integer({ min: 1, max: 12 })), {
  minLength: 0,
  maxLength: 6,
});

function run(
  inputs: PromotionInput[],
  items: [AddableProduct, number][],
  shipping: number | undefined,
  minOrderTotal: number,
  used: number[],
): CartEvaluation {
  const promotions = inputs.map((input, index) => ({
    ...draftPromotion(`p${index}`, input, 'GBP'),
    version: 1,
    updatedAt: '2026-01-01T00:00:00Z',
  }));
  const index = new PromotionIndex(promotions, () => false);
  const lines: CartLineInput[] = items.map(([{ inStock: _inStock, ...product }, quantity]) => ({
    ...product,
    quantity,
  }));
  const request = { currency: 'GBP', lines, coupons: [], ...(shipping !== undefined && { shipping }) };
  const selection = selectForCart(request, new Map<string, CouponState>(), index);
  return evaluateCart(request, selection, {
    now: Date.parse('2026-06-01T00:00:00Z'),
    shopper: { segments: new Set(), isFirstOrder: true },
    usage: {
      promotions: new Map(
        promotions.map((promotion, position) => [
          promotion.id,
          { discountGiven: used[position] ?? 0, redemptions: 0 },
        ]),
      ),
      customer: new Map(),
    },
    isInCollection: () => false,
    product: (id) => PRODUCTS.find((product) => product.productId === id),
    minOrderTotal,
  });
}

describe('cart evaluation properties', () => {
  it('adds up exactly, never goes negative or below cost, never discounts more than the cart is worth', () => {
    fc.assert(
      fc.property(
        fc.array(promotionInput, { maxLength: 8 }),
        cart,
        fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: undefined }),
        fc.integer({ min: 0, max: 3_000 }),
        fc.array(amount, { maxLength: 8 }),
        (inputs, items, shipping, minOrderTotal, used) => {
          const result = run(inputs, items, shipping, minOrderTotal, used);
          const sum = (values: number[]) => values.reduce((acc, value) => acc + value, 0);
          const shippingAmount = shipping ?? 0;
          const shippingDiscount = result.shipping?.discount.amount ?? 0;
          const lineTotals = sum(result.lines.map((line) => line.total.amount));
          // Totals equal the sum of the lines plus shipping left.
          expect(result.total.amount).toBe(lineTotals + shippingAmount - shippingDiscount);
          // Every discount is accounted for on lines or shipping, and never exceeds the undiscounted total.
          const discounted = sum(result.discounts.map((each) => each.amount.amount));
          expect(discounted).toBe(result.subtotal.amount + shippingAmount - result.total.amount);
          expect(discounted).toBeLessThanOrEqual(result.subtotal.amount + shippingAmount);
          for (const line of result.lines) {
            const gross = line.unitPrice.amount * line.quantity;
            expect(line.total.amount).toBeGreaterThanOrEqual(0);
            expect(gross - sum(line.discounts.map((part) => part.amount.amount))).toBe(line.total.amount);
            const product = PRODUCTS.find((each) => each.productId === line.productId);
            if (line.addedBy === undefined && product?.cost !== undefined) {
              expect(line.total.amount).toBeGreaterThanOrEqual(Math.min(product.cost * line.quantity, gross));
            }
          }
          // Each promotion's discount is the sum of its parts, and within its budget and per-order cap.
          for (const each of result.discounts) {
            const parts = sum(
              result.lines.flatMap((line) =>
                line.discounts
                  .filter((part) => part.promotionId === each.promotionId)
                  .map((part) => part.amount.amount),
              ),
            );
            const onShipping = each.target === 'shipping' ? each.amount.amount : 0;
            expect(parts + onShipping).toBe(each.amount.amount);
            const position = Number(each.promotionId.slice(1));
            const input = inputs[position] as PromotionInput;
            if (input.limits?.budget !== undefined) {
              expect(each.amount.amount).toBeLessThanOrEqual(
                input.limits.budget.amount - (used[position] ?? 0),
              );
            }
            if (input.limits?.maxDiscountPerOrder !== undefined)
              expect(each.amount.amount).toBeLessThanOrEqual(input.limits.maxDiscountPerOrder);
          }
          // The store's minimum holds whenever the cart reached it before promotions.
          const itemsBefore = sum(
            result.lines
              .filter((line) => line.addedBy === undefined)
              .map((line) => line.unitPrice.amount * line.quantity),
          );
          if (itemsBefore >= minOrderTotal) expect(lineTotals).toBeGreaterThanOrEqual(minOrderTotal);
          // A promotion never raises what the shopper pays: added items are always free.
          expect(result.total.amount).toBeLessThanOrEqual(itemsBefore + shippingAmount);
          // At most one exclusive promotion applies, and then alone; one member per group.
          const applied = result.applied.map(
            (each) => inputs[Number(each.promotionId.slice(1))] as PromotionInput,
          );
          if (applied.some((input) => input.stacking?.mode === 'exclusive')) expect(applied).toHaveLength(1);
          const groups = applied.map((input) => input.stacking?.group).filter((group) => group !== undefined);
          expect(new Set(groups).size).toBe(groups.length);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
