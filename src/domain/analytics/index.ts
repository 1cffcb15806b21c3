/** Outcome counters by day and the dashboard figures made from them. */
export {
  ctrOf,
  DAY_MS,
  dayOf,
  impressionsOf,
  LISTING_SLOT,
  LISTING_STRATEGY,
  shownSlots,
  summed,
  type DailyCount,
  type DailyMetric,
  type ShownSlot,
} from './daily.js';
export { sizesByDay, type DailySample } from './segment-sizes.js';
export {
  holdoutUplift,
  overviewOf,
  type HoldoutUplift,
  type Overview,
  type SlotOutcome,
} from './overview.js';
