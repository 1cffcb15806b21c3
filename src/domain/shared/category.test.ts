import { describe, expect, it } from 'vitest';
import { categoryLineage, isInCategory, normalizeCategoryPath } from './category.js';

describe('categories', () => {
  it('normalises paths', () => {
    expect(normalizeCategoryPath(' Home / Kitchen//Mugs/ ')).toBe('home/kitchen/mugs');
    expect(normalizeCategoryPath(' / ')).toBeUndefined();
  });

  it('matches a category and its descendants, segment by segment', () => {
    expect(isInCategory('home/kitchen', 'home/kitchen')).toBe(true);
    expect(isInCategory('home/kitchen/mugs', 'home/kitchen')).toBe(true);
    expect(isInCategory('home/kitchenware', 'home/kitchen')).toBe(false);
    expect(isInCategory('home', 'home/kitchen')).toBe(false);
  });

  it('lists a lineage from the most specific', () => {
    expect(categoryLineage('a/b/c')).toEqual(['a/b/c', 'a/b', 'a']);
    expect(categoryLineage('a')).toEqual(['a']);
  });
});
