import type { CurrencyCode } from '../shared/index.js';

/** The Segment call types Attune accepts (`screen` counts as a page view). */
export const EVENT_TYPES = ['track', 'identify', 'page', 'screen', 'group', 'alias'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The Segment e-commerce spec events Attune understands, by their canonical names. */
export const COMMERCE_EVENTS = [
  'Products Searched',
  'Product List Viewed',
  'Product Viewed',
  'Product Clicked',
  'Product Added',
  'Product Removed',
  'Cart Viewed',
  'Checkout Started',
  'Order Completed',
  'Order Refunded',
] as const;
export type CommerceEventName = (typeof COMMERCE_EVENTS)[number];

/** Order events move lifetime value, loyalty and prices: only a merchant's server may send them. */
export const SERVER_ONLY_EVENTS: ReadonlySet<CommerceEventName> = new Set([
  'Order Completed',
  'Order Refunded',
]);

/** A product line of an e-commerce event; money in integer minor units of the event's currency. */
export interface CommerceProduct {
  readonly productId: string;
  readonly quantity: number;
  readonly price?: number;
  readonly category?: string;
  readonly brand?: string;
}

/** What Attune reads from an e-commerce spec event, normalised (snake_case and camelCase both read). */
export interface CommerceData {
  readonly name: CommerceEventName;
  readonly currency: CurrencyCode;
  readonly orderId?: string;
  /** What the customer paid (total, else revenue, else the sum of the lines), minor units. */
  readonly amount?: number;
  readonly products: readonly CommerceProduct[];
  readonly coupon?: string;
  readonly query?: string;
}

/** An explicit consent answer carried by an event's `context.consent`. */
export interface ConsentAnswer {
  readonly personalization?: boolean;
  readonly analytics?: boolean;
  readonly marketing?: boolean;
}

/**
 * An event as Attune keeps it: the Segment fields, validated, with its e-commerce meaning read out.
 * Free-form `properties`, `traits` and `context` are kept as sent.
 */
export interface TrackedEvent {
  readonly messageId: string;
  readonly type: EventType;
  /** The track event's name, or the page's name. */
  readonly event?: string;
  readonly userId?: string;
  readonly anonymousId?: string;
  /** `alias`: the id being merged into `userId`. */
  readonly previousId?: string;
  /** `group`: the company or account id. */
  readonly groupId?: string;
  /** When it happened (ISO 8601 UTC), corrected for client clock skew as Segment does. */
  readonly timestamp: string;
  readonly receivedAt: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly traits: Readonly<Record<string, unknown>>;
  readonly context: Readonly<Record<string, unknown>>;
  readonly commerce?: CommerceData;
  readonly consent?: ConsentAnswer;
}
