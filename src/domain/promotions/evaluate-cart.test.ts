import { describe, expect, it } from 'vitest';
import table from './cases/evaluate.json' with { type: 'json' };
import type { AddableProduct, CartEvaluation, CartLineInput, CartRequest, CouponState } from './cart.js';
import { evaluateCart } from './evaluate-cart.js';
import { draftPromotion, type Promotion, type PromotionInput } from './promotion.js';
import { PromotionIndex } from './promotion-index.js';
import { cartCodes, selectForCart, type Selection } from './select-promotions.js';

type ProductId = keyof typeof table.products;

interface Case {
  name: string;
  promotions: (keyof typeof table.promotions)[];
  cart: [ProductId, number][];
  coupons?: string[];
  shipping?: number;
  minOrderTotal?: number;
  shopper?: {
    segments?: string[];
    loyaltyTier?: string;
    isFirstOrder?: boolean;
    channel?: string;
    country?: string;
    device?: string;
  };
  usage?: Record<string, { discountGiven: number; redemptions: number }>;
  customerUsage?: Record<string, number>;
  expect: {
    total: number;
    subtotal?: number;
    lines?: number[];
    lineDiscounts?: [string, number][][];
    discounts?: Record<string, number>;
    discountCodes?: Record<string, string>;
    shippingDiscount?: number;
    added?: Record<string, unknown>[];
    applied?: string[];
    appliedReasons?: string[];
    rejected?: Record<string, unknown>[];
    nudges?: Record<string, unknown>[];
  };
}

const promotion = (id: string, input: PromotionInput): Promotion => ({
  ...draftPromotion(id, input, 'GBP'),
  version: 1,
  updatedAt: '2026-06-01T00:00:00.000Z',
});

function product(id: ProductId): AddableProduct {
  const { unitPrice, categories, inStock, ...rest } = table.products[id] as {
    unitPrice: number;
    categories: string[];
    inStock: boolean;
    cost?: number;
    brand?: string;
  };
  return { productId: id, unitPrice, categories, attributes: {}, inStock, ...rest };
}

const line = (id: ProductId, quantity: number): CartLineInput => {
  const { inStock: _inStock, ...priced } = product(id);
  return { ...priced, quantity };
};

/** The table's codes as the store would answer for them. */
function couponStates(): Map<string, CouponState> {
  return new Map<string, CouponState>(
    Object.entries(
      table.coupons as Record<string, { promotionId: string; singleUse?: boolean; redeemed?: boolean }>,
    ).map(([code, state]) => [
      code,
      {
        code,
        promotionId: state.promotionId,
        singleUse: state.singleUse ?? false,
        redeemed: state.redeemed ?? false,
      },
    ]),
  );
}

/** A row's cart as checkout hands it on, and the promotions in play for it. */
function selectRow(row: Case): { request: CartRequest; selection: Selection } {
  const index = new PromotionIndex(
    row.promotions.map((id) => promotion(id, table.promotions[id] as PromotionInput)),
    () => false,
  );
  const request: CartRequest = {
    currency: 'GBP',
    lines: row.cart.map(([id, quantity]) => line(id, quantity)),
    coupons: cartCodes(row.coupons),
    ...(row.shipping !== undefined && { shipping: row.shipping }),
  };
  return { request, selection: selectForCart(request, couponStates(), index) };
}

/**
 * Runs one row through the step checkout takes: the codes as checkout reads them, the promotions in
 * play selected from the index, the usage of the limited ones only (all the store would be asked
 * for), then the evaluation.
 */
function evaluateRow(row: Case): CartEvaluation {
  const { request, selection } = selectRow(row);
  const read = <T>(usage: Record<string, T> | undefined) =>
    new Map(Object.entries(usage ?? {}).filter(([id]) => selection.limited.includes(id)));
  const { segments = [], isFirstOrder = true, ...shopper } = row.shopper ?? {};
  return evaluateCart(request, selection, {
    now: Date.parse(table.now),
    shopper: { segments: new Set(segments), isFirstOrder, ...shopper },
    usage: { promotions: read(row.usage), customer: read(row.customerUsage) },
    isInCollection: () => false,
    product: (id) => (id in table.products ? product(id as ProductId) : undefined),
    minOrderTotal: row.minOrderTotal ?? 0,
  });
}

const cases = table.cases as unknown as Case[];

describe('cart evaluation (cases/evaluate.json)', () => {
  it.each(cases)('$name', (row) => {
    const result = evaluateRow(row);
    const { expect: wanted } = row;
    expect(result.total).toEqual({ amount: wanted.total, currency: 'GBP' });
    if (wanted.subtotal !== undefined) expect(result.subtotal.amount).toBe(wanted.subtotal);
    if (wanted.lines !== undefined)
      expect(result.lines.map((each) => each.total.amount)).toEqual(wanted.lines);
    if (wanted.lineDiscounts !== undefined) {
      expect(
        result.lines.map((each) => each.discounts.map((part) => [part.promotionId, part.amount.amount])),
      ).toEqual(wanted.lineDiscounts);
    }
    if (wanted.discounts !== undefined) {
      expect(
        Object.fromEntries(result.discounts.map((each) => [each.promotionId, each.amount.amount])),
      ).toEqual(wanted.discounts);
    }
    if (wanted.discountCodes !== undefined) {
      expect(Object.fromEntries(result.discounts.map((each) => [each.promotionId, each.couponCode]))).toEqual(
        wanted.discountCodes,
      );
    }
    if (wanted.shippingDiscount !== undefined)
      expect(result.shipping?.discount.amount).toBe(wanted.shippingDiscount);
    if (wanted.added !== undefined) {
      expect(result.lines.filter((each) => each.addedBy !== undefined)).toEqual(
        wanted.added.map((added) => expect.objectContaining(added)),
      );
    }
    if (wanted.applied !== undefined)
      expect(result.applied.map((each) => each.promotionId)).toEqual(wanted.applied);
    if (wanted.appliedReasons !== undefined)
      expect(result.applied.map((each) => each.reason)).toEqual(wanted.appliedReasons);
    if (wanted.rejected !== undefined) expect(result.rejected).toEqual(wanted.rejected);
    if (wanted.nudges !== undefined) {
      expect(result.nudges).toEqual(
        wanted.nudges.map(({ missing, ...rest }) =>
          expect.objectContaining({
            ...rest,
            missing: {
              ...((missing as { amount?: number }).amount !== undefined && {
                amount: { amount: (missing as { amount: number }).amount, currency: 'GBP' },
              }),
              ...((missing as { quantity?: number }).quantity !== undefined && {
                quantity: (missing as { quantity: number }).quantity,
              }),
            },
          }),
        ),
      );
    }
  });

  it('gives usage only for promotions checkout would read it for (those with usage limits)', () => {
    const rows = cases.filter((row) => row.usage !== undefined || row.customerUsage !== undefined);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const given = [...Object.keys(row.usage ?? {}), ...Object.keys(row.customerUsage ?? {})];
      const { limited } = selectRow(row).selection;
      expect(
        given.filter((id) => !limited.includes(id)),
        row.name,
      ).toEqual([]);
    }
  });

  it('covers every action, stacking mode and rejection reason', () => {
    const promotions = Object.values(table.promotions) as PromotionInput[];
    const actions = new Set(promotions.map((each) => each.action.type));
    expect([...actions].sort()).toEqual([
      'amount_off',
      'buy_x_get_y',
      'fixed_price',
      'free_shipping',
      'gift',
      'percent_off',
      'spend_tiers',
    ]);
    const reasons = new Set(
      cases.flatMap((row) => (row.expect.rejected ?? []).map((each) => each['reason'] as string)),
    );
    expect([...reasons].sort()).toEqual([
      'audience',
      'budget_exhausted',
      'condition_unmet',
      'coupon_redeemed',
      'coupon_unknown',
      'currency_mismatch',
      'customer_limit',
      'expired',
      'max_discount_exceeded',
      'no_discount',
      'not_best_in_group',
      'not_combinable',
      'not_started',
      'out_of_stock',
      'paused',
    ]);
  });
});
