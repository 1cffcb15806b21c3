/** A UTC day in epoch milliseconds. */
export const DAY_MS = 86_400_000;

/**
 * The counters kept per day (see docs/analytics.md for what each counts). `segmentSize` is no
 * counter but a daily sample: a segment's member count (its id in `slot`), overwritten, never added.
 */
export type DailyMetric =
  'impressions' | 'clicks' | 'orders' | 'revenue' | 'slotRevenue' | 'discount' | 'segmentSize';

/** One counter for one UTC day; `slot` and `strategy` are '' when the counter has none. */
export interface DailyCount {
  readonly metric: DailyMetric;
  readonly day: number;
  readonly slot: string;
  readonly strategy: string;
  readonly value: number;
}

/** The slot name a listing is counted under, and its strategy. */
export const LISTING_SLOT = 'listing';
export const LISTING_STRATEGY = 'ranked';

/** The start of the UTC day holding `at`. */
export function dayOf(at: number): number {
  return Math.floor(at / DAY_MS) * DAY_MS;
}

/** A slot a decision showed products in, with the strategy that chose them. */
export interface ShownSlot {
  readonly slot: string;
  readonly strategy: string;
  readonly productIds: readonly string[];
}

/**
 * The slots of a decision as the decide service records it (`shown`): its listing and each
 * recommendations slot with products. Decisions recorded before strategies were kept count under
 * the strategy `unknown`.
 */
export function shownSlots(shown: string): ShownSlot[] {
  const parsed = JSON.parse(shown) as {
    listing?: string[];
    recommendations?: Record<string, string[]>;
    strategies?: Record<string, string>;
  };
  const slots: ShownSlot[] = [];
  if ((parsed.listing?.length ?? 0) > 0) {
    slots.push({ slot: LISTING_SLOT, strategy: LISTING_STRATEGY, productIds: parsed.listing ?? [] });
  }
  for (const [slot, productIds] of Object.entries(parsed.recommendations ?? {})) {
    if (productIds.length === 0) continue;
    slots.push({ slot, strategy: parsed.strategies?.[slot] ?? 'unknown', productIds });
  }
  return slots;
}

/** One impression per slot with products per decision, summed by day, slot and strategy. */
export function impressionsOf(decisions: readonly { at: number; shown: string }[]): DailyCount[] {
  return summed(
    decisions.flatMap(({ at, shown }) =>
      shownSlots(shown).map(({ slot, strategy }) => ({
        metric: 'impressions' as const,
        day: dayOf(at),
        slot,
        strategy,
        value: 1,
      })),
    ),
  );
}

/** Counters with the same metric, day, slot and strategy added together. */
export function summed(counts: readonly DailyCount[]): DailyCount[] {
  const byKey = new Map<string, DailyCount>();
  for (const count of counts) {
    const key = [count.metric, count.day, count.slot, count.strategy].join('\u0000');
    const before = byKey.get(key);
    byKey.set(key, before === undefined ? count : { ...before, value: before.value + count.value });
  }
  return [...byKey.values()];
}

/** Clicks over impressions, 0 without impressions. */
export function ctrOf(clicks: number, impressions: number): number {
  return impressions === 0 ? 0 : clicks / impressions;
}
