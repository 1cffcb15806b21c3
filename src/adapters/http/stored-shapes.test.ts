import { describe, expect, it } from 'vitest';
import { CollectionBody } from './collections/schemas.js';
import { MerchandisingBody } from './recommendations/schemas.js';
import { storedShapeCheck } from './stored-shapes.js';

describe('stored shape checks', () => {
  it('load a rule stored with a category path that names no segment, as it was accepted before', () => {
    const collection = storedShapeCheck(CollectionBody);
    expect(() => collection({ title: 'Older', filter: { categories: [' / '] } })).not.toThrow();
    const merchandising = storedShapeCheck(MerchandisingBody);
    expect(() => merchandising({ boosts: [{ match: { categories: [' '] }, factor: 2 }] })).not.toThrow();
  });

  it('still skip what the API never accepted, naming the field', () => {
    const collection = storedShapeCheck(CollectionBody);
    expect(() => collection({ title: 'Odd', filter: { categories: [5] } })).toThrow(
      /at \/filter\/categories\/0/,
    );
    expect(() => collection({ title: 'Long', filter: { categories: ['x'.repeat(301)] } })).toThrow(
      /at \/filter\/categories\/0/,
    );
  });
});
