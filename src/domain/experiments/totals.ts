/**
 * What one variant of an experiment has accumulated, as sufficient statistics: sums, sums of squares and
 * cross products of each unit's outcome. Results are computed from these few numbers however many units
 * were exposed, so asking for results never scans exposures, and each new order or click changes the
 * totals by a constant amount of arithmetic.
 *
 * A unit is one customer (docs/experiments.md). Money is in integer minor units of the experiment's
 * currency; the squares and cross products are plain numbers, since they exceed the safe-integer range long
 * before the sums do and only feed floating-point statistics.
 */
export interface VariantTotals {
  /** Units exposed to the variant. */
  readonly units: number;
  /** Units with at least one attributed order (Σ of a 0/1 outcome, so it is also its own sum of squares). */
  readonly convertedUnits: number;
  readonly orders: number;
  readonly ordersSquares: number;
  /** Attributed revenue, minor units. */
  readonly revenue: number;
  readonly revenueSquares: number;
  readonly revenueTimesOrders: number;
  readonly impressions: number;
  readonly impressionsSquares: number;
  readonly clicks: number;
  readonly clicksSquares: number;
  readonly clicksTimesImpressions: number;
  /** Units whose spend before their first exposure is known (the CUPED covariate is 0 for the others). */
  readonly unitsWithHistory: number;
  /** Spend before first exposure, minor units: the CUPED covariate. */
  readonly preRevenue: number;
  readonly preRevenueSquares: number;
  readonly preRevenueTimesRevenue: number;
  readonly preRevenueTimesConverted: number;
}

/** One unit's outcome so far in an experiment. */
export interface UnitOutcome {
  readonly orders: number;
  /** Attributed revenue, minor units. */
  readonly revenue: number;
  readonly impressions: number;
  readonly clicks: number;
  /** Spend before first exposure, minor units; `undefined` when the unit had no history. */
  readonly preRevenue: number | undefined;
}

export const EMPTY_TOTALS: VariantTotals = Object.freeze({
  units: 0,
  convertedUnits: 0,
  orders: 0,
  ordersSquares: 0,
  revenue: 0,
  revenueSquares: 0,
  revenueTimesOrders: 0,
  impressions: 0,
  impressionsSquares: 0,
  clicks: 0,
  clicksSquares: 0,
  clicksTimesImpressions: 0,
  unitsWithHistory: 0,
  preRevenue: 0,
  preRevenueSquares: 0,
  preRevenueTimesRevenue: 0,
  preRevenueTimesConverted: 0,
});

export const NEW_UNIT: UnitOutcome = Object.freeze({
  orders: 0,
  revenue: 0,
  impressions: 0,
  clicks: 0,
  preRevenue: undefined,
});

/** Adds a newly exposed unit to `totals` (its outcome usually {@link NEW_UNIT} with its `preRevenue`). */
export function addUnit(totals: VariantTotals, unit: UnitOutcome): VariantTotals {
  return combine(totals, contribution(unit), 1);
}

/**
 * Replaces a unit's contribution: `before` is what it had when last counted, `after` what it has now. The
 * difference of the two contributions is added, so an order or a click costs constant work.
 */
export function changeUnit(totals: VariantTotals, before: UnitOutcome, after: UnitOutcome): VariantTotals {
  return combine(combine(totals, contribution(before), -1), contribution(after), 1);
}

/** Sums the totals of several shards or nodes. */
export function mergeTotals(a: VariantTotals, b: VariantTotals): VariantTotals {
  return combine(a, b, 1);
}

function contribution(unit: UnitOutcome): VariantTotals {
  const converted = unit.orders > 0 ? 1 : 0;
  const pre = unit.preRevenue ?? 0;
  return {
    units: 1,
    convertedUnits: converted,
    orders: unit.orders,
    ordersSquares: unit.orders * unit.orders,
    revenue: unit.revenue,
    revenueSquares: unit.revenue * unit.revenue,
    revenueTimesOrders: unit.revenue * unit.orders,
    impressions: unit.impressions,
    impressionsSquares: unit.impressions * unit.impressions,
    clicks: unit.clicks,
    clicksSquares: unit.clicks * unit.clicks,
    clicksTimesImpressions: unit.clicks * unit.impressions,
    unitsWithHistory: unit.preRevenue === undefined ? 0 : 1,
    preRevenue: pre,
    preRevenueSquares: pre * pre,
    preRevenueTimesRevenue: pre * unit.revenue,
    preRevenueTimesConverted: pre * converted,
  };
}

function combine(a: VariantTotals, b: VariantTotals, sign: 1 | -1): VariantTotals {
  const sum = {} as Record<keyof VariantTotals, number>;
  for (const key of Object.keys(EMPTY_TOTALS) as (keyof VariantTotals)[]) sum[key] = a[key] + sign * b[key];
  return sum;
}
