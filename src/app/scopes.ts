/**
 * What an API key may do. Secret keys hold every scope; publishable keys (public, in storefront pages)
 * hold {@link PUBLISHABLE_SCOPES}. Each route names the one scope it needs.
 */
export const SCOPES = [
  /** Read products, stock and collections. */
  'catalog:read',
  /** Write products, stock and collections. */
  'catalog:write',
] as const;

export type Scope = (typeof SCOPES)[number];

/** The scopes of a publishable key: what a storefront in a browser may call. */
export const PUBLISHABLE_SCOPES: readonly Scope[] = ['catalog:read'];
