import { describe, expect, it } from 'vitest';
import { matchesProduct, type MatchableProduct } from './match.js';

const mug: MatchableProduct = {
  id: 'mug-1',
  categories: ['home/kitchen/mugs'],
  brand: 'Acme',
  attributes: { colour: ['red', 'white'], material: 'ceramic', capacityMl: 350 },
};

describe('matchesProduct', () => {
  it.each([
    [{}, true],
    [{ productIds: ['mug-1', 'x'] }, true],
    [{ productIds: ['x'] }, false],
    [{ categories: ['home/kitchen'] }, true],
    [{ categories: ['home/kitch'] }, false],
    [{ brands: ['ACME'] }, true],
    [{ brands: ['Other'] }, false],
    [{ attributes: { colour: 'red' } }, true],
    [{ attributes: { colour: ['blue', 'white'] } }, true],
    [{ attributes: { colour: 'blue' } }, false],
    [{ attributes: { capacityMl: 350 } }, true],
    [{ attributes: { size: 'L' } }, false],
    [{ categories: ['home'], brands: ['Other'] }, false],
    [{ collections: ['featured'] }, true],
    [{ collections: ['clearance'] }, false],
  ])('%o → %s', (match, expected) => {
    const inCollection = (collectionId: string, productId: string) =>
      collectionId === 'featured' && productId === 'mug-1';
    expect(matchesProduct(match, mug, inCollection)).toBe(expected);
  });
});
