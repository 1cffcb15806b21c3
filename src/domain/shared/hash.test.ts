import { describe, expect, it } from 'vitest';
import { fingerprint, fnv1a32 } from './hash.js';

describe('hashes', () => {
  it('give FNV-1a’s published values', () => {
    expect([fnv1a32(''), fnv1a32('a'), fnv1a32('foobar')]).toEqual([0x811c9dc5, 0xe40c292c, 0xbf9cf968]);
  });

  it('fingerprint ids as exact integers, the same each time and apart for different ids', () => {
    const ids = Array.from({ length: 200_000 }, (_, index) => `scale-7-${index}`);
    const prints = ids.map(fingerprint);
    expect(prints.every((print) => Number.isSafeInteger(print) && print >= 0)).toBe(true);
    expect(new Set(prints).size).toBe(ids.length);
    expect(fingerprint('scale-7-12345')).toBe(prints[12_345]);
    // The low bits come from the second hash: ids alike in their 32-bit hash still differ.
    expect(new Set(prints.map((print) => print % 2 ** 21)).size).toBeGreaterThan(ids.length / 2);
  });
});
