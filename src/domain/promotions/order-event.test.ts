import { describe, expect, it } from 'vitest';
import type { CartEvaluation } from './cart.js';
import table from './cases/order-completed.json' with { type: 'json' };
import { orderCompletedEvent, type PlacedOrder } from './order-event.js';

interface Case {
  name: string;
  order: PlacedOrder;
  evaluation: {
    /** [productId, quantity, unitPrice, addedBy?] */
    lines: [string, number, number, string?][];
    discounts?: { promotionId: string; amount: number; code?: string }[];
    shipping?: { amount: number; discount: number };
    total: number;
  };
  expect: unknown;
}

/** The evaluation a row describes: only what the event reads is given, the rest follows from it. */
function evaluationOf(row: Case): CartEvaluation {
  const { currency } = row.order;
  const money = (amount: number) => ({ amount, currency });
  const { lines, discounts = [], shipping, total } = row.evaluation;
  return {
    currency,
    lines: lines.map(([productId, quantity, unitPrice, addedBy]) => ({
      productId,
      quantity,
      unitPrice: money(unitPrice),
      discounts: [],
      total: money(addedBy === undefined ? unitPrice * quantity : 0),
      ...(addedBy !== undefined && { addedBy, free: true as const }),
    })),
    subtotal: money(lines.reduce((sum, [, quantity, unitPrice]) => sum + quantity * unitPrice, 0)),
    discounts: discounts.map(({ promotionId, amount, code }) => ({
      promotionId,
      amount: money(amount),
      target: 'order' as const,
      ...(code !== undefined && { couponCode: code }),
    })),
    ...(shipping !== undefined && {
      shipping: { amount: money(shipping.amount), discount: money(shipping.discount) },
    }),
    total: money(total),
    applied: [],
    rejected: [],
    nudges: [],
  };
}

const cases = table.cases as unknown as Case[];

describe('the Order Completed event of a recorded order (cases/order-completed.json)', () => {
  it.each(cases)('$name', (row) => {
    expect(orderCompletedEvent(row.order, evaluationOf(row)) ?? null).toEqual(row.expect);
  });

  it('names its source and covers guests, codes, shipping and currencies of every exponent', () => {
    expect(table.source).toMatch(/segment\.com\/docs\/connections\/spec\/ecommerce\/v2/);
    expect(cases.some((row) => row.expect === null)).toBe(true);
    expect(
      cases.some((row) => (row.evaluation.discounts ?? []).some((each) => each.code !== undefined)),
    ).toBe(true);
    expect(cases.some((row) => row.evaluation.shipping !== undefined)).toBe(true);
    expect(new Set(cases.map((row) => row.order.currency))).toEqual(new Set(['GBP', 'JPY', 'KWD']));
  });
});
