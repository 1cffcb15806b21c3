import type { Money } from '../shared/money.js';

/** What an open page shows that can change under it: the facts a live stream watches. */
export interface WatchedPage {
  /** The segments the viewer is in. */
  readonly segments: readonly string[];
  /** The viewer's unit price of each watched product, when it has one in the page's currency. */
  readonly prices: ReadonlyMap<string, Money>;
  readonly stock: ReadonlyMap<string, { readonly inStock: boolean; readonly available?: number }>;
  /** The offers open to the viewer, and whether their cart already qualifies. */
  readonly offers: ReadonlyMap<
    string,
    { readonly title: string; readonly badge: string; readonly qualified: boolean }
  >;
}

/** A change pushed to an open page (`GET /v1/stream`). */
export type PageChange =
  | {
      readonly type: 'price.changed';
      readonly data: { readonly productId: string; readonly before: Money; readonly after: Money };
    }
  | {
      readonly type: 'stock.changed';
      readonly data: { readonly productId: string; readonly inStock: boolean; readonly available?: number };
    }
  | {
      readonly type: 'offer.unlocked';
      readonly data: { readonly promotionId: string; readonly title: string; readonly badge: string };
    }
  | { readonly type: 'segment.entered'; readonly data: { readonly segmentId: string } };

/**
 * What changed between two looks at the same page. Only changes to what the page already showed
 * count: a product that starts being watched (added to the cart, say) has no "before", so it is not
 * news; the page fetched it itself. An offer is unlocked when the cart newly qualifies for it, not
 * when it merely becomes visible; a segment counts when entered, as the live stream promises
 * (docs/api.md, Live stream).
 */
export function pageChanges(before: WatchedPage, after: WatchedPage): PageChange[] {
  const changes: PageChange[] = [];
  const wasIn = new Set(before.segments);
  for (const segmentId of after.segments) {
    if (!wasIn.has(segmentId)) changes.push({ type: 'segment.entered', data: { segmentId } });
  }
  for (const [productId, price] of after.prices) {
    const was = before.prices.get(productId);
    if (was !== undefined && (was.amount !== price.amount || was.currency !== price.currency)) {
      changes.push({ type: 'price.changed', data: { productId, before: was, after: price } });
    }
  }
  for (const [productId, stock] of after.stock) {
    const was = before.stock.get(productId);
    if (was !== undefined && was.inStock !== stock.inStock) {
      changes.push({
        type: 'stock.changed',
        data: {
          productId,
          inStock: stock.inStock,
          ...(stock.available !== undefined && { available: stock.available }),
        },
      });
    }
  }
  for (const [promotionId, offer] of after.offers) {
    if (offer.qualified && before.offers.get(promotionId)?.qualified !== true) {
      changes.push({
        type: 'offer.unlocked',
        data: { promotionId, title: offer.title, badge: offer.badge },
      });
    }
  }
  return changes;
}
