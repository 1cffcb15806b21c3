import { describe, expect, it } from 'vitest';
import type { CartEvaluation } from './cart.js';
import { readRecordedAnswer } from './recorded-answer.js';

const money = (amount: number) => ({ amount, currency: 'GBP' });

function recorded(entries: Record<string, unknown>): string {
  return JSON.stringify({
    currency: 'GBP',
    lines: [],
    subtotal: money(5000),
    total: money(4500),
    nudges: [],
    discounts: [],
    applied: [],
    rejected: [],
    ...entries,
  });
}

describe('reading a recorded order answer', () => {
  it('reads the coupon code of an order recorded as `code` as `couponCode`', () => {
    const answer = readRecordedAnswer<CartEvaluation>(
      recorded({
        discounts: [{ promotionId: 'welcome', code: 'WELCOME10', amount: money(500), target: 'order' }],
        applied: [{ promotionId: 'welcome', code: 'WELCOME10', reason: '10% off: code WELCOME10' }],
        rejected: [{ code: 'NOPE', reason: 'coupon_unknown' }],
      }),
    );
    expect(answer.discounts).toEqual([
      { promotionId: 'welcome', couponCode: 'WELCOME10', amount: money(500), target: 'order' },
    ]);
    expect(answer.applied).toEqual([
      { promotionId: 'welcome', couponCode: 'WELCOME10', reason: '10% off: code WELCOME10' },
    ]);
    expect(answer.rejected).toEqual([{ couponCode: 'NOPE', reason: 'coupon_unknown' }]);
  });

  it('leaves an answer in today’s shape as it was', () => {
    const today = {
      discounts: [{ promotionId: 'spend-25', amount: money(500), target: 'order' }],
      applied: [{ promotionId: 'spend-25', reason: '10% off over £25' }],
      rejected: [{ promotionId: 'vip', couponCode: 'VIP', reason: 'audience' }],
    };
    expect(readRecordedAnswer<CartEvaluation>(recorded(today))).toMatchObject(today);
  });
});
