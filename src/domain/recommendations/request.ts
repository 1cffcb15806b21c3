import type { AttributeValue, Match } from '../shared/index.js';
import type { BrowsingSession } from './session-suggestions.js';

export const STRATEGIES = [
  'popular',
  'trending',
  'similar',
  'bought-together',
  'cart-complements',
  'for-you',
  'buy-again',
  'recently-viewed',
] as const;

export type Strategy = (typeof STRATEGIES)[number];

export interface RecommendationFilter {
  readonly categories?: readonly string[];
  readonly brands?: readonly string[];
  /** Base price, minor units of the store currency. */
  readonly price?: { readonly gte?: number; readonly lte?: number };
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  readonly excludeProductIds?: readonly string[];
  /** Leave out what the customer bought (for-you becomes pure discovery). */
  readonly excludePurchased?: boolean;
}

export interface RecommendationRequest {
  readonly strategy: Strategy;
  /** The customer's profile id, when known and consented. */
  readonly customer?: string;
  /**
   * What the customer looked at lately (their profile's recently viewed, with consent): for-you
   * reads it; without it, the views the models hold for the customer.
   */
  readonly session?: BrowsingSession;
  /** The product on the page (similar, bought-together). */
  readonly productId?: string;
  /** Products in the cart (cart-complements; never recommended back). */
  readonly cart?: readonly string[];
  readonly limit: number;
  readonly filter?: RecommendationFilter;
  /** Lower-case; popularity is read for the country when it is known. */
  readonly country?: string;
  /** Popularity within one segment (`popular`, `trending`). */
  readonly segment?: string;
  readonly now: number;
}

/** One recommended product and why. */
export interface Recommended {
  readonly productId: string;
  readonly score: number;
  readonly reason: string;
}

export interface RecommendationAnswer {
  readonly strategy: Strategy;
  readonly items: readonly Recommended[];
  /** Set when the strategy had too little to say and popular products filled the list. */
  readonly fallback?: 'popular';
}

/** Merchandising: boosts, pins and diversity, set by the merchant (`PUT /v1/recommendations/rules`). */
export interface Merchandising {
  readonly boosts?: readonly { readonly match: Match; readonly factor: number }[];
  readonly pins?: readonly {
    readonly productId: string;
    readonly position: number;
    readonly strategies?: readonly Strategy[];
  }[];
  /** No more than this many items from one top-level category in a list. */
  readonly maxPerCategory?: number;
  /** Strategies that may recommend what the customer already bought (default: buy-again, for-you). */
  readonly repeatStrategies?: readonly Strategy[];
}

/** A product as recommendations' business rules read it: what it is, its price, whether it can be sold. */
export interface RecommendableProduct {
  readonly id: string;
  readonly title: string;
  readonly categories: readonly string[];
  readonly brand?: string;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  /** Base price, minor units. */
  readonly price: number;
  /** Active and in stock. */
  readonly sellable: boolean;
  /** Variants of one product share it: a list shows the group once. */
  readonly groupId?: string;
}
