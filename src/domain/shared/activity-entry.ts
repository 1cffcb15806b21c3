/**
 * What a profile remembers of one event for rules over time windows (segments, spend-based tiers):
 * when, its value in minor units, the categories, brands and products it concerned, and the
 * properties that rules filter on. Shared: profiles record it, segments and loyalty read it.
 */
export interface ActivityEntry {
  /** Epoch ms. */
  readonly t: number;
  readonly amount?: number;
  readonly currency?: string;
  readonly categories?: readonly string[];
  readonly brands?: readonly string[];
  readonly productIds?: readonly string[];
  readonly properties?: Readonly<Record<string, unknown>>;
}
