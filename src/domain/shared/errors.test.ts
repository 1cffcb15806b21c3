import { describe, expect, it } from 'vitest';
import { DomainError, SharedError } from './errors.js';

describe('DomainError', () => {
  it('is raised through a module subclass that keeps its code and details', () => {
    const error = new SharedError('invalid_money', 'amount must be whole', { pointer: '/price/amount' });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('invalid_money');
    expect(error.details).toEqual({ pointer: '/price/amount' });
    expect(error.name).toBe('SharedError');
  });

  it.each([
    [{ pointer: '/price/currency' }, '/items/3/price/currency'],
    [{}, '/items/3'],
  ])('moves the pointer %o under a batch item', (details, pointer) => {
    const moved = new SharedError('currency_mismatch', 'not the store currency', {
      ...details,
      extra: 1,
    }).under('/items/3');
    expect(moved).toBeInstanceOf(SharedError);
    expect(moved.code).toBe('currency_mismatch');
    expect(moved.details).toEqual({ pointer, extra: 1 });
  });
});
