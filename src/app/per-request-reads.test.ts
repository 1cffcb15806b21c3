import { describe, expect, it } from 'vitest';
import { PerRequestReads } from './per-request-reads.js';

describe('PerRequestReads', () => {
  it('reads once per request and key, again for another key or request', async () => {
    const reads = new PerRequestReads<object, string>();
    const asked: string[] = [];
    const read = (key: string) => async () => {
      asked.push(key);
      return `${key}!`;
    };
    const page = {};
    const answers = await Promise.all([
      reads.of(page, 'GBP', read('GBP')),
      reads.of(page, 'GBP', read('GBP')),
    ]);
    expect(answers).toEqual(['GBP!', 'GBP!']);
    await reads.of(page, 'EUR', read('EUR'));
    await reads.of({}, 'GBP', read('GBP'));
    expect(asked).toEqual(['GBP', 'EUR', 'GBP']);
  });

  it('does not keep a failed read: the next ask in the request tries again', async () => {
    const reads = new PerRequestReads<object, string>();
    const page = {};
    await expect(reads.of(page, 'k', () => Promise.reject(new Error('store away')))).rejects.toThrow(
      'store away',
    );
    await expect(reads.of(page, 'k', async () => 'read')).resolves.toBe('read');
  });
});
