import { normalizeCategoryPath } from '../shared/index.js';
import { DEFAULT_RANKING_WEIGHTS, type RankingWeights } from './rank-listing.js';
import { RankingError } from './errors.js';

/** Products a merchant puts first in one listing: a category's, or a text query's. */
export interface ListingPin {
  readonly category?: string;
  readonly query?: string;
  /** In the order they are shown, before anything ranked. */
  readonly productIds: readonly string[];
}

/** How listings are ranked store-wide, and what is pinned where (`PUT /v1/listings/rules`). */
export interface ListingRules {
  readonly weights: RankingWeights;
  readonly pins: readonly ListingPin[];
}

export const DEFAULT_LISTING_RULES: ListingRules = { weights: DEFAULT_RANKING_WEIGHTS, pins: [] };

/**
 * Checks and normalises rules as a merchant sends them: weights default one by one, a pin names
 * either a category or a query (normalised as listings read them), and no listing is pinned twice.
 * @throws RankingError `invalid_listing_rules` with the pointer of the offending field.
 */
export function readListingRules(input: {
  readonly weights?: Partial<RankingWeights>;
  readonly pins?: readonly ListingPin[];
}): ListingRules {
  const pins: ListingPin[] = [];
  const seen = new Set<string>();
  (input.pins ?? []).forEach((pin, index) => {
    const pointer = `/pins/${index}`;
    if ((pin.category === undefined) === (pin.query === undefined)) {
      throw new RankingError('invalid_listing_rules', 'a pin names either a category or a query', {
        pointer,
      });
    }
    const category = pin.category === undefined ? undefined : normalizeCategoryPath(pin.category);
    const query = pin.query === undefined ? undefined : normalizeQuery(pin.query);
    if (category === undefined && (query === undefined || query === '')) {
      throw new RankingError('invalid_listing_rules', 'the category or query is empty', { pointer });
    }
    const listing = listingKey(category, query);
    if (seen.has(listing)) {
      throw new RankingError('invalid_listing_rules', 'another pin is for the same listing', { pointer });
    }
    seen.add(listing);
    pins.push({
      ...(category !== undefined && { category }),
      ...(query !== undefined && { query }),
      productIds: [...new Set(pin.productIds)],
    });
  });
  return { weights: { ...DEFAULT_RANKING_WEIGHTS, ...input.weights }, pins };
}

/** The products pinned to this listing, in order; none for a listing without a pin. */
export function pinnedFor(
  rules: ListingRules,
  listing: { readonly category?: string; readonly query?: string },
): readonly string[] {
  const category = listing.category === undefined ? undefined : normalizeCategoryPath(listing.category);
  const query = listing.query === undefined ? undefined : normalizeQuery(listing.query);
  const key = listingKey(category, query);
  return rules.pins.find((pin) => listingKey(pin.category, pin.query) === key)?.productIds ?? [];
}

/** A query as pins match it: case and spacing do not matter. */
function normalizeQuery(query: string): string {
  return query.trim().toLowerCase().split(/\s+/).join(' ');
}

function listingKey(category: string | undefined, query: string | undefined): string {
  return `${category ?? ''}\u0000${query ?? ''}`;
}
