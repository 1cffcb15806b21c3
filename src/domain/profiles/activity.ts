import { normalizeCategoryPath, ownValue, withEntry, type ActivityEntry } from '../shared/index.js';
import type { ProductTaxonomy } from './product-taxonomy.js';
import type { TrackedEvent } from './event.js';

/** Which events to remember, with which properties, and for how long (decided by the rules in use). */
export interface ActivitySpec {
  readonly events: ReadonlyMap<string, ReadonlySet<string>>;
  /** Entries older than this, measured back from the newest, are dropped; null keeps all. */
  readonly horizonMs: number | null;
  /** The most entries kept per event name. */
  readonly maxPerEvent: number;
}

export type { ActivityEntry };

export type Activity = Readonly<Record<string, readonly ActivityEntry[]>>;

export const NO_ACTIVITY: ActivitySpec = { events: new Map(), horizonMs: 0, maxPerEvent: 0 };

/**
 * The categories an event concerns: its products' (from the catalogue when known, else as the event
 * says) and its own `category` property, normalised.
 */
export function categoriesOf(
  event: TrackedEvent,
  productFacts: (productId: string) => ProductTaxonomy | undefined,
): Set<string> {
  const categories = new Set<string>();
  for (const line of event.commerce?.products ?? []) {
    for (const path of productFacts(line.productId)?.categories ?? [
      normalizeCategoryPath(line.category ?? '') ?? '',
    ]) {
      if (path !== '') categories.add(path);
    }
  }
  const own = event.properties['category'];
  const ownPath = typeof own === 'string' ? normalizeCategoryPath(own) : undefined;
  if (ownPath !== undefined) categories.add(ownPath);
  return categories;
}

/** Adds an event to the activity the spec asks for; other events leave it unchanged. */
export function recordActivity(
  activity: Activity,
  event: TrackedEvent,
  spec: ActivitySpec,
  productFacts: (productId: string) => ProductTaxonomy | undefined,
): Activity {
  const name = event.event;
  const wanted = name === undefined ? undefined : spec.events.get(name);
  if (name === undefined || wanted === undefined) return activity;
  const lines = event.commerce?.products ?? [];
  const categories = categoriesOf(event, productFacts);
  const brands = new Set<string>();
  for (const line of lines) {
    const brand = productFacts(line.productId)?.brand ?? line.brand;
    if (brand !== undefined) brands.add(brand);
  }
  const properties = Object.fromEntries(
    [...wanted]
      .filter((key) => ownValue(event.properties, key) !== undefined)
      .map((key) => [key, ownValue(event.properties, key)]),
  );
  const entry: ActivityEntry = {
    t: Date.parse(event.timestamp),
    ...(event.commerce?.amount !== undefined && {
      amount: event.commerce.amount,
      currency: event.commerce.currency,
    }),
    ...(categories.size > 0 && { categories: [...categories] }),
    ...(brands.size > 0 && { brands: [...brands] }),
    ...(lines.length > 0 && { productIds: lines.map((line) => line.productId) }),
    ...(Object.keys(properties).length > 0 && { properties }),
  };
  const entries = [...(ownValue(activity, name) ?? []), entry].sort((a, b) => a.t - b.t);
  const newest = entries[entries.length - 1]?.t ?? entry.t;
  const kept = entries
    .filter((item) => spec.horizonMs === null || item.t >= newest - spec.horizonMs)
    .slice(-spec.maxPerEvent);
  return withEntry(activity, name, kept);
}
