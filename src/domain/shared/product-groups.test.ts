import { describe, expect, it } from 'vitest';
import { firstOfEachGroup } from './product-groups.js';

const GROUPS: Record<string, string> = {
  'mug-red': 'mug',
  'mug-blue': 'mug',
  'tee-s': 'tee',
  'tee-m': 'tee',
};
const groupOf = (productId: string) => GROUPS[productId];

describe('firstOfEachGroup', () => {
  it('keeps the best-ranked variant of each group and every ungrouped product', () => {
    const first = firstOfEachGroup(groupOf);
    const ranked = ['mug-blue', 'lamp', 'mug-red', 'tee-m', 'tee-s', 'plate'];
    expect(ranked.filter(first)).toEqual(['mug-blue', 'lamp', 'tee-m', 'plate']);
  });

  it('leaves out the groups already on the page', () => {
    const first = firstOfEachGroup(groupOf, ['mug-red', 'lamp']);
    expect(['mug-blue', 'lamp', 'tee-s'].filter(first)).toEqual(['lamp', 'tee-s']);
  });
});
