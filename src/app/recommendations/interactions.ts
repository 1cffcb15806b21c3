import type { Interaction, InteractionKind } from '../../domain/recommendations/index.js';
import type { Profile, TrackedEvent } from '../../domain/profiles/index.js';
import type { Lesson } from '../../ports/topics.js';

/** The e-commerce events the models learn from, and what each one means to them. */
const KINDS: Readonly<Record<string, InteractionKind>> = {
  'Product Viewed': 'view',
  'Product Clicked': 'view',
  'Product Added': 'cart',
  'Order Completed': 'purchase',
};

/** The events of each browsing kind (views, adds to cart): the models keep only the latest of them. */
export const BROWSING_EVENTS: Readonly<Record<'view' | 'cart', readonly string[]>> = {
  view: Object.keys(KINDS).filter((name) => KINDS[name] === 'view'),
  cart: Object.keys(KINDS).filter((name) => KINDS[name] === 'cart'),
};

/** The events that are purchases to the models. */
export const PURCHASE_EVENTS: readonly string[] = Object.keys(KINDS).filter(
  (name) => KINDS[name] === 'purchase',
);

/** What one event teaches the models, in a form that crosses the bus to other nodes as it is. */
export type { Lesson };

/** The lesson of an event, or undefined when it teaches the models nothing. */
export function lessonOf(
  profileId: string,
  event: TrackedEvent,
  where: Whereabouts = {},
  isKnown: (productId: string) => boolean = () => true,
): Lesson | undefined {
  const interactions = interactionsOf(profileId, event, where, isKnown);
  if (interactions.length === 0) return undefined;
  const orderId = event.commerce?.name === 'Order Completed' ? event.commerce.orderId : undefined;
  return { messageId: event.messageId, profileId, ...(orderId !== undefined && { orderId }), interactions };
}

/** Where the customer is and which segments they are in, as far as the caller knows. */
export interface Whereabouts {
  readonly country?: string;
  readonly segments?: readonly string[];
}

/**
 * The interactions an event carries: one per product line of a view, an add to cart or an order.
 * An order's lines share its id as their basket, so the models see what was bought together.
 * Other events (searches, refunds, identify) teach the models nothing and give none. Views and adds
 * of products the catalogue does not know are left out: anyone with a publishable key sends them,
 * and made-up ids must not grow the models (orders come from the merchant's server and all count).
 */
function interactionsOf(
  profileId: string,
  event: TrackedEvent,
  where: Whereabouts = {},
  isKnown: (productId: string) => boolean = () => true,
): Interaction[] {
  const commerce = event.commerce;
  const kind = commerce === undefined ? undefined : KINDS[commerce.name];
  if (commerce === undefined || kind === undefined) return [];
  const at = Date.parse(event.timestamp);
  const country = where.country ?? countryOf(event);
  const basket = kind === 'purchase' ? (commerce.orderId ?? event.messageId) : undefined;
  const products =
    kind === 'purchase'
      ? commerce.products
      : commerce.products.filter((product) => isKnown(product.productId));
  return products.map((product) => ({
    customer: profileId,
    productId: product.productId,
    kind,
    quantity: product.quantity,
    at,
    ...(basket !== undefined && { basket }),
    ...(country !== undefined && { country }),
    ...(where.segments !== undefined && { segments: where.segments }),
  }));
}

/** Segment's `context.location.country`, when the event says. */
function countryOf(event: TrackedEvent): string | undefined {
  const location = event.context['location'];
  return countryCode(
    typeof location === 'object' && location !== null
      ? (location as { country?: unknown }).country
      : undefined,
  );
}

/**
 * A two-letter country code, lower-case; anything else is no country. Popularity is kept per
 * country, so free text here would let any caller grow the models without bound.
 */
export function countryCode(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.trim().toLowerCase();
  return /^[a-z]{2}$/.test(code) ? code : undefined;
}

/** Where a profile says the customer is and which segments they are in, as popularity reads it. */
export function whereaboutsOf(profile: Profile): Whereabouts {
  const country = countryCode(profile.traits['country']);
  return {
    ...(country !== undefined && { country }),
    ...(profile.segments.length > 0 && { segments: profile.segments }),
  };
}
