import { copyRecord, normalizeCategoryPath, ownValue, withEntry } from '../shared/index.js';
import { recordActivity, type ActivitySpec } from './activity.js';
import { addAffinityInPlace } from './affinity.js';
import { pointsFor, type LoyaltyProgram } from './loyalty.js';
import type { CommerceData, CommerceProduct, TrackedEvent } from './event.js';
import type { CartLine, DecayedScore, Profile } from './profile.js';
import type { ProductTaxonomy } from './product-taxonomy.js';

export interface ApplyContext {
  readonly productFacts: (productId: string) => ProductTaxonomy | undefined;
  /** Order Completed: true only the first time this order_id is seen, however it arrives. */
  readonly isNewOrder: boolean;
  /** Order Refunded without an amount: the refunded order's amount, when known. */
  readonly refundedOrderAmount?: number;
  /** From the merchant's server (secret key): may set traits that move prices, such as `company`. */
  readonly fromServer: boolean;
  /** Which events to remember for window rules; none when absent. */
  readonly activity?: ActivitySpec;
  /** The loyalty program, when the store runs one: orders earn points, refunds take them back. */
  readonly loyalty?: LoyaltyProgram;
  /**
   * Affinity maps copied by earlier calls of one run of events that the caller owns (a batch with
   * several events of one customer): these are added to in place rather than copied again, and each
   * copy made is added. Leave out maps anyone else holds, such as those of a profile as read.
   */
  readonly owned?: WeakSet<object>;
}

/** Affinity weight of one product line, by what the customer did. */
const WEIGHTS = { viewed: 1, listViewed: 0.5, added: 3, ordered: 5 } as const;
const MAX_RECENTLY_VIEWED = 20;
const MAX_CART_LINES = 200;
/** Traits that move prices (B2B contracts): only the merchant's server may set them. */
const SERVER_ONLY_TRAITS = ['company'];

/**
 * The profile after one event. Pure: the caller decides whether an order is new (it owns the
 * once-per-order_id record) and supplies catalogue facts. Time-based fields take the maximum or
 * minimum over event times, so late events do not move them backwards.
 */
export function applyEvent(profile: Profile, event: TrackedEvent, context: ApplyContext): Profile {
  const at = Date.parse(event.timestamp);
  let next: Profile = {
    ...profile,
    stats: {
      ...profile.stats,
      firstSeenAt: minIso(profile.stats.firstSeenAt, event.timestamp),
      lastSeenAt: maxIso(profile.stats.lastSeenAt, event.timestamp),
    },
    channels: countUp(profile.channels, text(event.context['channel'])),
    devices: countUp(profile.devices, text(recordOf(event.context['device'])['type'])),
    updatedAt: maxIso(profile.updatedAt, event.receivedAt),
  };
  if (event.consent !== undefined) next = applyConsent(next, event.consent, event.timestamp);
  if (event.type === 'identify')
    next = { ...next, traits: mergeTraits(next.traits, event.traits, context.fromServer) };
  if (event.type === 'group' && context.fromServer && event.groupId !== undefined) {
    next = {
      ...next,
      traits: {
        ...next.traits,
        company: { ...recordOf(next.traits['company']), ...event.traits, id: event.groupId },
      },
    };
  }
  if (context.activity !== undefined && event.type === 'track') {
    next = {
      ...next,
      activity: recordActivity(next.activity, event, context.activity, context.productFacts),
    };
  }
  return event.commerce === undefined
    ? next
    : applyCommerce(next, event.commerce, event.timestamp, at, context);
}

/** Records explicit consent answers; an answer older than the one held does not replace it. */
export function applyConsent(
  profile: Profile,
  answer: { personalization?: boolean; analytics?: boolean; marketing?: boolean },
  at: string,
): Profile {
  const consent = { ...profile.consent };
  for (const purpose of ['personalization', 'analytics', 'marketing'] as const) {
    const granted = answer[purpose];
    const held = consent[purpose];
    if (granted !== undefined && (held === undefined || held.at <= at)) consent[purpose] = { granted, at };
  }
  return { ...profile, consent };
}

function applyCommerce(
  profile: Profile,
  commerce: CommerceData,
  timestamp: string,
  at: number,
  context: ApplyContext,
): Profile {
  switch (commerce.name) {
    case 'Product Viewed':
    case 'Product Clicked': {
      const viewed = commerce.products.map((line) => line.productId);
      const recentlyViewed =
        commerce.name === 'Product Viewed'
          ? [...viewed, ...profile.recentlyViewed.filter((id) => !viewed.includes(id))].slice(
              0,
              MAX_RECENTLY_VIEWED,
            )
          : profile.recentlyViewed;
      return { ...addAffinities(profile, commerce.products, WEIGHTS.viewed, at, context), recentlyViewed };
    }
    case 'Product List Viewed':
      return addAffinities(profile, commerce.products, WEIGHTS.listViewed, at, context);
    case 'Product Added':
      return {
        ...addAffinities(profile, commerce.products, WEIGHTS.added, at, context),
        cart: addToCart(profile.cart, commerce.products),
      };
    case 'Product Removed':
      return { ...profile, cart: removeFromCart(profile.cart, commerce.products) };
    case 'Cart Viewed':
    case 'Checkout Started':
      return commerce.products.length === 0
        ? profile
        : { ...profile, cart: addToCart([], commerce.products) };
    case 'Order Completed':
      return context.isNewOrder ? completeOrder(profile, commerce, timestamp, at, context) : profile;
    case 'Order Refunded':
      return refund(profile, commerce, context);
    case 'Products Searched':
      return profile;
  }
}

function completeOrder(
  profile: Profile,
  commerce: CommerceData,
  timestamp: string,
  at: number,
  context: ApplyContext,
): Profile {
  const ltv = { ...profile.stats.lifetimeValue };
  ltv[commerce.currency] = (ltv[commerce.currency] ?? 0) + (commerce.amount ?? 0);
  const ordersByCurrency = { ...profile.stats.ordersByCurrency };
  ordersByCurrency[commerce.currency] = (ordersByCurrency[commerce.currency] ?? 0) + 1;
  const stats = {
    ...profile.stats,
    orderCount: profile.stats.orderCount + 1,
    ordersByCurrency,
    lifetimeValue: ltv,
    firstOrderAt: minIso(profile.stats.firstOrderAt, timestamp),
    lastOrderAt: maxIso(profile.stats.lastOrderAt, timestamp),
  };
  const earned =
    context.loyalty === undefined ? 0 : pointsFor(commerce.amount ?? 0, commerce.currency, context.loyalty);
  const loyalty = { ...profile.loyalty, points: profile.loyalty.points + earned };
  return {
    ...addAffinities(profile, commerce.products, WEIGHTS.ordered, at, context),
    stats,
    cart: [],
    loyalty,
  };
}

function refund(profile: Profile, commerce: CommerceData, context: ApplyContext): Profile {
  const amount = commerce.amount ?? context.refundedOrderAmount ?? 0;
  const ltv = { ...profile.stats.lifetimeValue };
  ltv[commerce.currency] = Math.max(0, (ltv[commerce.currency] ?? 0) - amount);
  // A refund takes back what the refunded spend earned, never more than the customer holds.
  const returned = context.loyalty === undefined ? 0 : pointsFor(amount, commerce.currency, context.loyalty);
  const loyalty = { ...profile.loyalty, points: Math.max(0, profile.loyalty.points - returned) };
  return { ...profile, stats: { ...profile.stats, lifetimeValue: ltv }, loyalty };
}

function addAffinities(
  profile: Profile,
  lines: readonly CommerceProduct[],
  weight: number,
  at: number,
  context: ApplyContext,
): Profile {
  // Each map is copied once for the event (the first time a line touches it), then added to in place;
  // not at all when an earlier event of the same run copied it already (copying and then dropping a
  // full map for every event of a busy customer was a tenth of ingestion).
  const { owned } = context;
  const ownCopy = (map: Readonly<Record<string, DecayedScore>>): Record<string, DecayedScore> => {
    if (owned?.has(map) === true) return map;
    const copy = copyRecord(map);
    owned?.add(copy);
    return copy;
  };
  let categoryAffinity: Record<string, DecayedScore> | undefined;
  let brandAffinity: Record<string, DecayedScore> | undefined;
  for (const line of lines) {
    const facts = context.productFacts(line.productId);
    const categories = facts?.categories ?? categoriesOf(line.category);
    for (const category of categories) {
      categoryAffinity ??= ownCopy(profile.categoryAffinity);
      addAffinityInPlace(categoryAffinity, category, weight, at);
    }
    const brand = facts?.brand ?? line.brand;
    if (brand === undefined) continue;
    brandAffinity ??= ownCopy(profile.brandAffinity);
    addAffinityInPlace(brandAffinity, brand.toLowerCase(), weight, at);
  }
  return {
    ...profile,
    categoryAffinity: categoryAffinity ?? profile.categoryAffinity,
    brandAffinity: brandAffinity ?? profile.brandAffinity,
  };
}

function addToCart(cart: readonly CartLine[], lines: readonly CommerceProduct[]): CartLine[] {
  const quantities = new Map(cart.map((line) => [line.productId, line.quantity]));
  for (const line of lines)
    quantities.set(line.productId, (quantities.get(line.productId) ?? 0) + line.quantity);
  return [...quantities].map(([productId, quantity]) => ({ productId, quantity })).slice(0, MAX_CART_LINES);
}

function removeFromCart(cart: readonly CartLine[], lines: readonly CommerceProduct[]): CartLine[] {
  const quantities = new Map(cart.map((line) => [line.productId, line.quantity]));
  for (const line of lines)
    quantities.set(line.productId, (quantities.get(line.productId) ?? 0) - line.quantity);
  return [...quantities]
    .filter(([, quantity]) => quantity > 0)
    .map(([productId, quantity]) => ({ productId, quantity }));
}

/** Shallow merge, the newer value winning; server-only traits keep their held value unless the server sends them. */
function mergeTraits(
  held: Readonly<Record<string, unknown>>,
  given: Readonly<Record<string, unknown>>,
  fromServer: boolean,
) {
  const traits: Record<string, unknown> = { ...held, ...given };
  if (fromServer) return traits;
  for (const name of SERVER_ONLY_TRAITS) {
    const value = ownValue(held, name);
    if (value === undefined) delete traits[name];
    else traits[name] = value;
  }
  return traits;
}

function categoriesOf(category: string | undefined): string[] {
  const path = category === undefined ? undefined : normalizeCategoryPath(category);
  return path === undefined ? [] : [path];
}

function countUp(
  counts: Readonly<Record<string, number>>,
  key: string | undefined,
): Readonly<Record<string, number>> {
  return key === undefined ? counts : withEntry(counts, key, (ownValue(counts, key) ?? 0) + 1);
}

function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= 100 ? value.toLowerCase() : undefined;
}

function minIso(a: string | undefined, b: string): string {
  return a === undefined || b < a ? b : a;
}

function maxIso(a: string | undefined, b: string): string {
  return a === undefined || b > a ? b : a;
}
