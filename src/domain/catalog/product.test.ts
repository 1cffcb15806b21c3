import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/index.js';
import { draftProduct } from './product.js';

const price = { amount: 295, currency: 'GBP' };

describe('draftProduct', () => {
  it('normalises categories and fills defaults', () => {
    const draft = draftProduct(
      '85123A',
      { title: 'Heart', price, categories: ['Home/Candles', 'home/candles/'] },
      'GBP',
    );
    expect(draft).toEqual({
      id: '85123A',
      title: 'Heart',
      categories: ['home/candles'],
      attributes: {},
      price,
      status: 'active',
    });
  });

  it.each([
    [{ title: 'x', price: { amount: 1, currency: 'EUR' } }, 'currency_mismatch', '/price/currency'],
    [{ title: 'x', price, cost: { amount: 1, currency: 'EUR' } }, 'currency_mismatch', '/cost/currency'],
    [{ title: 'x', price, categories: ['ok', ' / '] }, 'invalid_category', '/categories/1'],
  ])('rejects %o with %s at %s', (input, code, pointer) => {
    try {
      draftProduct('p', input, 'GBP');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(code);
      expect((error as DomainError).details['pointer']).toBe(pointer);
    }
  });
});
