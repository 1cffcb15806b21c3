/**
 * What an API key may do. Secret keys hold every scope; publishable keys (public, in storefront pages)
 * hold {@link PUBLISHABLE_SCOPES}. Each route names the one scope it needs.
 */
export const SCOPES = [
  /** Read products, stock and collections. */
  'catalog:read',
  /** Write products, stock and collections. */
  'catalog:write',
  /** Send Segment-spec events (order events need a secret key as well). */
  'events:write',
  /** Read, export and set consent for one's own profile: anonymous ids, or the customer a token names. */
  'profiles:self',
  /** Read, export and set consent for any profile. */
  'profiles:read',
  /** Erase a customer (GDPR). */
  'profiles:erase',
  /** Mint customer tokens. */
  'customer-tokens:create',
  /** Revoke a customer's tokens. */
  'customer-tokens:revoke',
  /** Read the Prometheus metrics when ATTUNE_METRICS_REQUIRE_KEY is set. */
  'metrics:read',
  /** Read segments and their members. */
  'segments:read',
  /** Write and delete segments. */
  'segments:write',
  /** Read and write the loyalty program. */
  'loyalty:write',
  /** Read and write webhook subscriptions. */
  'webhooks:write',
  /** Write and read price lists. */
  'pricing:write',
  /** Write and read promotions and generate their codes. */
  'promotions:write',
  /** Write and read content slots. */
  'content:write',
  /** Write and read experiments. */
  'experiments:write',
  /** Write and read journeys, their stats, and simulate their messages. */
  'journeys:write',
  /** Set how listings rank (weights) and what they pin. */
  'listings:write',
  /** Set merchandising rules for recommendations and rebuild their models. */
  'recommendations:write',
  /** Record completed orders (redeems codes and budgets). */
  'orders:write',
  /** Read recorded orders back, one or a customer's. */
  'orders:read',
  /** Read the outcomes dashboard: impressions, clicks, attributed revenue, discount cost, holdout uplift. */
  'analytics:read',
  /** Storefront answers for a shopper: prices, offers, carts, recommendations, decide. */
  'storefront',
  /** List, create and revoke API keys. */
  'keys:manage',
  /** List, create and delete console users. */
  'users:manage',
  /** Read the audit log of changes to merchant objects. */
  'audit:read',
  /** Ask decide for an answer as of another time (`preview`), which records nothing. */
  'decide:preview',
] as const;

export type Scope = (typeof SCOPES)[number];

/** The scopes of a publishable key: what a storefront in a browser may call. */
export const PUBLISHABLE_SCOPES: readonly Scope[] = [
  'catalog:read',
  'events:write',
  'profiles:self',
  'storefront',
];
