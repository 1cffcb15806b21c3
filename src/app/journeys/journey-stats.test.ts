import { describe, expect, it } from 'vitest';
import { draftJourney, type Journey } from '../../domain/journeys/index.js';
import type { StepRecord } from '../../ports/store.js';
import { journeyStats } from './journey-stats.js';

const anything = {
  hasWebhook: () => true,
  hasPromotion: () => true,
  hasSegment: () => true,
  isStrategy: () => true,
  hasContent: () => true,
};
const journey: Journey = {
  ...draftJourney(
    'thanks',
    {
      name: 'Thanks',
      status: 'active',
      trigger: { event: 'Order Completed' },
      holdoutPercent: 50,
      steps: [{ id: 'one', webhookId: 'mailer', coupon: { promotionId: 'p', expiresIn: '1d' } }],
    },
    anything,
  ),
  version: 1,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function step(
  n: number,
  status: StepRecord['status'],
  orders: number,
  extra: Partial<StepRecord> = {},
): StepRecord {
  return {
    id: `msg_${n}`,
    journeyId: 'thanks',
    stepId: 'one',
    occurrence: `event:${n}`,
    profileId: `p${n}`,
    userId: `u${n}`,
    triggerAt: 0,
    dueAt: 0,
    supersedes: false,
    context: { productIds: [] },
    status,
    reason: null,
    finishedAt: status === 'pending' ? null : 1,
    couponCode: status === 'sent' ? `C${n}` : null,
    orders,
    revenue: orders * 1_000,
    ...extra,
  };
}

describe('journeyStats', () => {
  const steps = [
    ...Array.from({ length: 400 }, (_, n) => step(n, 'sent', n % 2 === 0 ? 1 : 0)),
    ...Array.from({ length: 400 }, (_, n) => step(1_000 + n, 'held_out', n % 8 === 0 ? 1 : 0)),
    step(2_000, 'skipped', 0, { reason: 'frequency_cap' }),
    step(2_001, 'skipped', 0, { reason: 'no_marketing_consent' }),
    step(2_002, 'pending', 0),
  ];

  it('counts each outcome, redeemed coupons, orders and revenue per step', () => {
    const [one] = journeyStats(journey, steps, new Set(['C0', 'C2', 'nobody'])).steps;
    expect(one).toEqual({
      stepId: 'one',
      pending: 1,
      sent: 400,
      heldOut: 400,
      skipped: { frequency_cap: 1, no_marketing_consent: 1 },
      couponsRedeemed: 2,
      orders: 250,
      revenue: 250_000,
    });
  });

  it('compares the messaged with the holdout on conversion, with the experiments’ statistics', () => {
    const { holdout } = journeyStats(journey, steps, new Set());
    expect(holdout?.heldOut).toMatchObject({ units: 400, conversions: 50, conversionRate: 0.125 });
    expect(holdout?.messaged).toMatchObject({ units: 400, conversions: 200, conversionRate: 0.5 });
    expect(holdout?.messaged.vsControl?.uplift).toBeCloseTo(3, 5);
    expect(holdout?.messaged.vsControl?.pValue).toBeLessThan(0.001);
  });

  it('has no comparison without a holdout', () => {
    expect(journeyStats({ ...journey, holdoutPercent: 0 }, steps, new Set()).holdout).toBeUndefined();
  });
});
