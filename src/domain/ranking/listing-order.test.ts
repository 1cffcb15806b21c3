import { describe, expect, it } from 'vitest';
import table from './cases/listing-order.json' with { type: 'json' };
import { NO_AFFINITIES, orderListing, rankHead, scanListing } from './listing-order.js';
import { DEFAULT_RANKING_WEIGHTS, type ListingCandidate, type ViewerAffinities } from './rank-listing.js';

interface Case {
  name: string;
  candidates: (Partial<ListingCandidate> & { id: string; popularity: number })[];
  viewer?: { categories?: Record<string, number>; brands?: Record<string, number> };
  weights?: Record<string, number>;
  headSize: number;
  pinned?: string[];
  archived?: string[];
  outOfStock?: string[];
  expect: { order: string[]; inStock?: Record<string, boolean>; reasons?: Record<string, string[]> };
}

/** Runs one row as the listing service does: scan, rank the head for the viewer, order the pages. */
function orderRow(row: Case) {
  const weights = { ...DEFAULT_RANKING_WEIGHTS, ...row.weights };
  const candidates = row.candidates.map((candidate): ListingCandidate => ({
    categories: ['home/kitchen'],
    relevance: 1,
    ...candidate,
  }));
  const viewer: ViewerAffinities =
    row.viewer === undefined
      ? NO_AFFINITIES
      : {
          categories: new Map(Object.entries(row.viewer.categories ?? {})),
          brands: new Map(Object.entries(row.viewer.brands ?? {})),
        };
  const scan = scanListing(candidates, weights);
  const head = rankHead(scan, viewer, weights, row.headSize);
  const archived = new Set(row.archived);
  const outOfStock = new Set(row.outOfStock);
  return [
    ...orderListing(scan, head, row.pinned ?? [], weights, {
      isListed: (id) => !archived.has(id),
      isSellable: (id) => !archived.has(id) && !outOfStock.has(id),
    }),
  ];
}

const cases = table.cases as Case[];

describe('listing order (cases/listing-order.json)', () => {
  it.each(cases)('$name', (row) => {
    const ordered = orderRow(row);
    expect(ordered.map((item) => item.productId)).toEqual(row.expect.order);
    for (const [id, inStock] of Object.entries(row.expect.inStock ?? {}))
      expect(ordered.find((item) => item.productId === id)?.inStock, id).toBe(inStock);
    for (const [id, reasons] of Object.entries(row.expect.reasons ?? {}))
      expect(ordered.find((item) => item.productId === id)?.reasons(), id).toEqual(reasons);
  });

  it('covers pins, the head bound, stock, archiving, affinities and margin', () => {
    expect(cases.some((row) => (row.pinned ?? []).length > 0)).toBe(true);
    expect(cases.some((row) => row.headSize < row.candidates.length)).toBe(true);
    expect(cases.some((row) => (row.outOfStock ?? []).length > 0)).toBe(true);
    expect(cases.some((row) => (row.archived ?? []).length > 0)).toBe(true);
    expect(cases.some((row) => row.viewer !== undefined)).toBe(true);
    expect(cases.some((row) => row.candidates.some((candidate) => candidate.margin !== undefined))).toBe(
      true,
    );
  });
});
