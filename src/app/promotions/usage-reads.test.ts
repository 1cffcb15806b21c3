import { describe, expect, it } from 'vitest';
import type { Usage } from '../../domain/promotions/index.js';
import { UsageReads } from './usage-reads.js';

const NO_USAGE = { promotions: new Map(), customer: new Map() } as unknown as Usage;

describe('UsageReads', () => {
  it('reads the store once per request and question, again for the next request', async () => {
    const asked: unknown[] = [];
    const reads = new UsageReads(async (ids, key) => {
      asked.push([ids, key]);
      return NO_USAGE;
    });
    const page = {};
    await Promise.all([
      reads.of(page, ['a'], 'k1'),
      reads.of(page, ['a'], 'k1'),
      reads.of(page, ['a'], 'k1'),
    ]);
    await reads.of(page, ['a'], 'k2');
    await reads.of({}, ['a'], 'k1');
    expect(asked).toEqual([
      [['a'], 'k1'],
      [['a'], 'k2'],
      [['a'], 'k1'],
    ]);
  });

  it('does not keep a failed read: the next ask in the request tries again', async () => {
    let calls = 0;
    const reads = new UsageReads(async () => {
      calls += 1;
      if (calls === 1) throw new Error('store away');
      return NO_USAGE;
    });
    const page = {};
    await expect(reads.of(page, ['a'], undefined)).rejects.toThrow('store away');
    await expect(reads.of(page, ['a'], undefined)).resolves.toBe(NO_USAGE);
    expect(calls).toBe(2);
  });
});
