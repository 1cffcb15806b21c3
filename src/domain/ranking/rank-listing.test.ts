import { describe, expect, it } from 'vitest';
import {
  idHash,
  nextCursor,
  rankListing,
  readCursor,
  textRelevance,
  type ListingCandidate,
  type ViewerAffinities,
} from './index.js';

const candidate = (id: string, extra: Partial<ListingCandidate> = {}): ListingCandidate => ({
  id,
  categories: ['home/kitchen'],
  relevance: 1,
  popularity: 0,
  ...extra,
});
const outOfStock = new Set(['plate']);
const inStock = (id: string) => !outOfStock.has(id);
const nobody: ViewerAffinities = { categories: new Map(), brands: new Map() };
const ids = (items: readonly { productId: string }[]) => items.map((item) => item.productId);

describe('rankListing', () => {
  const products = [
    candidate('mug', { popularity: 10 }),
    candidate('candle', { categories: ['home/candles'], popularity: 4 }),
    candidate('lamp', { categories: ['home/lighting'], brand: 'Lumo', popularity: 2 }),
    candidate('plate', { popularity: 1 }),
  ];

  it('orders a visitor’s listing by popularity, out of stock last, ties by id', () => {
    const ranked = rankListing(products, nobody, inStock);
    expect(ids(ranked)).toEqual(['mug', 'candle', 'lamp', 'plate']);
    expect(ranked[3]?.inStock).toBe(false);
    expect(ranked[3]?.reasons()).toEqual(['popular', 'out of stock']);
    expect(ids(rankListing([candidate('b'), candidate('a')], nobody, inStock))).toEqual(['a', 'b']);
  });

  it('lifts what the viewer likes, by category (and its descendants) or brand, and says so', () => {
    const candleLover = { categories: new Map([['home/candles', 1]]), brands: new Map<string, number>() };
    const ranked = rankListing(products, candleLover, inStock);
    expect(ranked[0]?.productId).toBe('candle');
    expect(ranked[0]?.reasons()).toEqual(['affinity: home/candles', 'popular']);
    const lumoFan = { categories: new Map([['home', 0.2]]), brands: new Map([['lumo', 0.9]]) };
    const forLumoFan = rankListing(products, lumoFan, inStock)[0];
    expect(forLumoFan?.productId).toBe('lamp');
    expect(forLumoFan?.reasons()).toEqual(['affinity: lumo', 'popular']);
  });

  it('works an item’s reasons out once, however many pages show it, and none can change them', () => {
    const [first] = rankListing(products, nobody, inStock);
    const reasons = first?.reasons();
    expect(first?.reasons()).toBe(reasons);
    expect(Object.isFrozen(reasons)).toBe(true);
  });

  it('lifts what the viewer’s live session points to, on top of their affinities, and says why', () => {
    const browsing: ViewerAffinities = {
      categories: new Map([['home/candles', 1]]),
      brands: new Map(),
      session: new Map([['lamp', { score: 1, label: 'because you looked at candle' }]]),
    };
    const ranked = rankListing(products, browsing, inStock);
    expect(ids(ranked)).toEqual(['candle', 'lamp', 'mug', 'plate']);
    expect(ranked[1]?.reasons()).toEqual(['because you looked at candle', 'popular']);
  });

  it('starts a text query from relevance', () => {
    const query = [candidate('a', { relevance: 0.5, popularity: 10 }), candidate('b', { relevance: 1 })];
    expect(
      ids(rankListing(query, nobody, inStock, { relevance: 1, affinity: 1, popularity: 0.1, margin: 0 })),
    ).toEqual(['b', 'a']);
  });
});

describe('textRelevance', () => {
  it('counts the query words found, title words fully and description words half, by prefix', () => {
    expect(textRelevance('white mug', 'White Mugs, set of 4')).toBe(1);
    expect(textRelevance('white mug', 'Red mug', 'comes in white')).toBe(0.75);
    expect(textRelevance('lamp', 'Red mug')).toBe(0);
    expect(textRelevance('  ', 'Red mug')).toBe(0);
  });
});

describe('the seen cursor', () => {
  it('remembers every product shown, page after page, and refuses bytes that are not a cursor', () => {
    const first = readCursor(nextCursor(undefined, ['a', 'b']));
    const second = readCursor(nextCursor(first, ['c']));
    expect(second?.shown).toEqual(new Set([idHash('a'), idHash('b'), idHash('c')]));
    expect(readCursor(new Uint8Array([1, 2, 3]))).toBeUndefined();
    expect(readCursor(new Uint8Array())).toBeUndefined();
  });
});
