import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnstorable, isStorableText } from './text.js';

describe('storable text', () => {
  it('refuses NUL and unpaired surrogates, keeps everything else', () => {
    expect(isStorableText('plain, ünïcødé and 😀')).toBe(true);
    for (const text of ['\u0000', 'a\u0000b', '\ud800', 'a\ud83d', '\ude00b', '\ude00\ud83d'])
      expect(isStorableText(text), JSON.stringify(text)).toBe(false);
  });

  it('agrees with UTF-8 round trips on any string without NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const roundTrips = Buffer.from(text, 'utf8').toString('utf8') === text;
        expect(isStorableText(text)).toBe(roundTrips && !text.includes('\u0000'));
      }),
    );
  });

  it('points at the first bad string, value or key, at any depth', () => {
    expect(findUnstorable({ a: ['ok', { b: 'x\u0000' }] })).toEqual({ pointer: '/a/1/b', kind: 'text' });
    expect(findUnstorable({ 'a/b': { ['k\ud800']: 1 } }, '/body')?.pointer).toBe('/body/a~1b/k\ud800');
    expect(findUnstorable({ a: [1, true, null, 'fine'] })).toBeUndefined();
    expect(findUnstorable(JSON.parse('{"a":[1,1e309]}'))).toEqual({ pointer: '/a/1', kind: 'number' });
    let deep: unknown = 'x\u0000';
    for (let depth = 0; depth < 100_000; depth += 1) deep = [deep];
    expect(findUnstorable(deep)?.pointer.length).toBe(200_000);
  });
});
