import {
  rankListing,
  type ListingCandidate,
  type RankedListingItem,
  type RankingWeights,
  type ViewerAffinities,
} from './rank-listing.js';

/** A viewer the ranking knows nothing of: a visitor, or a customer who did not consent. */
export const NO_AFFINITIES: ViewerAffinities = { categories: new Map(), brands: new Map() };

/** A listing's candidates in a visitor's order, with the popularity that scales to 1 for all of them. */
export interface ScannedListing {
  readonly ordered: readonly ListingCandidate[];
  readonly scale: number;
}

/**
 * What a page reads of each product as it is built: status and stock change by the second, so they
 * are never taken from a remembered scan or ranking.
 */
export interface Shelf {
  /** Active, not archived. */
  readonly isListed: (productId: string) => boolean;
  /** In stock somewhere (a product without a stock record counts as available). */
  readonly isSellable: (productId: string) => boolean;
}

/** Orders a listing's candidates for a visitor, the order every viewer's ranking starts from. */
export function scanListing(
  candidates: readonly ListingCandidate[],
  weights: RankingWeights,
): ScannedListing {
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  const order = rankListing(candidates, NO_AFFINITIES, () => true, weights);
  let scale = 0;
  for (const candidate of candidates) scale = Math.max(scale, candidate.popularity);
  return { ordered: order.map((item) => byId.get(item.productId) as ListingCandidate), scale };
}

/**
 * The first `size` candidates of a scan ranked for one viewer, by score alone (stock is read when
 * the page is built). Only a head is re-ranked, so that a request never costs the whole catalogue.
 */
export function rankHead(
  scan: ScannedListing,
  viewer: ViewerAffinities,
  weights: RankingWeights,
  size: number,
): RankedListingItem[] {
  return rankListing(scan.ordered.slice(0, size), viewer, () => true, weights, scan.scale);
}

/**
 * The order a listing's pages take, lazily (a page reads only as far as it needs):
 * 1. pinned products, in the merchant's order, while they are listed and in stock (a pin is shown
 *    whatever the listing, as the merchant asked; one that cannot be sold ranks like the rest);
 * 2. the head as ranked for the viewer (`head`, from `rankHead`), in stock;
 * 3. the rest of the scan in the visitor's order, in stock;
 * 4. the head's products out of stock, then the rest's (each with the reason `out of stock`).
 * Products no longer listed are left out; none appears twice.
 */
export function* orderListing(
  scan: ScannedListing,
  head: readonly RankedListingItem[],
  pinned: readonly string[],
  weights: RankingWeights,
  shelf: Shelf,
): Generator<RankedListingItem> {
  const isPinned = new Set(pinned);
  for (const productId of pinned) {
    if (shelf.isListed(productId) && shelf.isSellable(productId)) {
      yield { productId, score: 0, inStock: true, reasons: () => ['pinned'] };
    } else isPinned.delete(productId);
  }
  const shown = (productId: string) => shelf.isListed(productId) && !isPinned.has(productId);
  const rest = scan.ordered.slice(head.length);
  const tail = (inStock: boolean) =>
    rankListing(
      rest.filter((candidate) => shown(candidate.id) && shelf.isSellable(candidate.id) === inStock),
      NO_AFFINITIES,
      () => inStock,
      weights,
      scan.scale,
    );
  for (const item of head) if (shown(item.productId) && shelf.isSellable(item.productId)) yield item;
  if (rest.length > 0) yield* tail(true);
  for (const item of head) {
    if (shown(item.productId) && !shelf.isSellable(item.productId)) {
      yield { ...item, inStock: false, reasons: () => [...item.reasons(), 'out of stock'] };
    }
  }
  if (rest.length > 0) yield* tail(false);
}
