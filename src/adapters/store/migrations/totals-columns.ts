/**
 * The columns of `experiment_totals`, one per field of `VariantTotals` (snake_case). Fixed once
 * released: a new field of the totals needs a new migration that adds its column.
 */
export const TOTALS_COLUMNS = [
  'units',
  'converted_units',
  'orders',
  'orders_squares',
  'revenue',
  'revenue_squares',
  'revenue_times_orders',
  'impressions',
  'impressions_squares',
  'clicks',
  'clicks_squares',
  'clicks_times_impressions',
  'units_with_history',
  'pre_revenue',
  'pre_revenue_squares',
  'pre_revenue_times_revenue',
  'pre_revenue_times_converted',
] as const;

export type TotalsColumn = (typeof TOTALS_COLUMNS)[number];
