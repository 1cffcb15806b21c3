import {
  EMPTY_TOTALS,
  experimentResults,
  type VariantResult,
  type VariantTotals,
} from '../../domain/experiments/index.js';
import type { Journey } from '../../domain/journeys/index.js';
import type { StepRecord } from '../../ports/store.js';

/** `GET /v1/journeys/{id}/stats`: each step's outcomes, and uplift against the holdout when there is one. */
export interface JourneyStats {
  readonly journeyId: string;
  readonly steps: readonly {
    readonly stepId: string;
    readonly pending: number;
    readonly sent: number;
    readonly heldOut: number;
    /** Skipped steps by reason (`no_marketing_consent`, `frequency_cap`, `cart_bought`, …). */
    readonly skipped: Readonly<Record<string, number>>;
    readonly couponsRedeemed: number;
    readonly orders: number;
    /** Minor units of the store currency. */
    readonly revenue: number;
  }[];
  /** Messaged customers against held-out ones on conversion (experiments' statistics); absent without a holdout. */
  readonly holdout?: { readonly messaged: VariantResult; readonly heldOut: VariantResult };
}

/** Counts a journey's steps and compares the messaged with the holdout. */
export function journeyStats(
  journey: Journey,
  steps: readonly StepRecord[],
  redeemedCodes: ReadonlySet<string>,
): JourneyStats {
  const byStep = journey.steps.map((definition) => {
    const mine = steps.filter((step) => step.stepId === definition.id);
    const skipped: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const step of mine)
      if (step.status === 'skipped')
        skipped[step.reason ?? 'unknown'] = (skipped[step.reason ?? 'unknown'] ?? 0) + 1;
    const count = (status: string) => mine.filter((step) => step.status === status).length;
    return {
      stepId: definition.id,
      pending: count('pending'),
      sent: count('sent'),
      heldOut: count('held_out'),
      skipped: { ...skipped },
      couponsRedeemed: mine.filter((step) => step.couponCode !== null && redeemedCodes.has(step.couponCode))
        .length,
      orders: mine.reduce((sum, step) => sum + step.orders, 0),
      revenue: mine.reduce((sum, step) => sum + step.revenue, 0),
    };
  });
  if (journey.holdoutPercent === 0) return { journeyId: journey.id, steps: byStep };
  const results = experimentResults('conversion', [
    { id: 'heldOut', weight: journey.holdoutPercent, totals: totalsOf(steps, 'held_out') },
    { id: 'messaged', weight: 100 - journey.holdoutPercent, totals: totalsOf(steps, 'sent') },
  ]);
  const [heldOut, messaged] = results.variants;
  return {
    journeyId: journey.id,
    steps: byStep,
    ...(heldOut !== undefined && messaged !== undefined && { holdout: { messaged, heldOut } }),
  };
}

/** Each finished step of a status as one unit, its attributed orders and revenue as its outcome. */
function totalsOf(steps: readonly StepRecord[], status: 'sent' | 'held_out'): VariantTotals {
  let totals: VariantTotals = EMPTY_TOTALS;
  for (const step of steps) {
    if (step.status !== status) continue;
    totals = {
      ...totals,
      units: totals.units + 1,
      convertedUnits: totals.convertedUnits + (step.orders > 0 ? 1 : 0),
      orders: totals.orders + step.orders,
      ordersSquares: totals.ordersSquares + step.orders ** 2,
      revenue: totals.revenue + step.revenue,
      revenueSquares: totals.revenueSquares + step.revenue ** 2,
      revenueTimesOrders: totals.revenueTimesOrders + step.revenue * step.orders,
    };
  }
  return totals;
}
