/** Personalised ordering of category listings and text-query results, and a cursor that survives reordering. */
export {
  DEFAULT_RANKING_WEIGHTS,
  rankListing,
  type ListingCandidate,
  type RankedListingItem,
  type RankingWeights,
  type ViewerAffinities,
} from './rank-listing.js';
export {
  NO_AFFINITIES,
  orderListing,
  rankHead,
  scanListing,
  type ScannedListing,
  type Shelf,
} from './listing-order.js';
export { idHash, nextCursor, readCursor, type SeenCursor } from './seen-cursor.js';
export { textRelevance } from './text-relevance.js';
export {
  DEFAULT_LISTING_RULES,
  pinnedFor,
  readListingRules,
  type ListingPin,
  type ListingRules,
} from './listing-rules.js';
export { RankingError, type RankingErrorCode } from './errors.js';
