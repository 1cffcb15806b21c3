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

  it('finds what a recursive walk in document order finds, on any value', () => {
    const firstUnstorable = (value: unknown, pointer: string): string | undefined => {
      if (typeof value === 'string') return isStorableText(value) ? undefined : pointer;
      if (typeof value === 'number') return Number.isFinite(value) ? undefined : pointer;
      if (typeof value !== 'object' || value === null) return undefined;
      for (const [key, item] of Object.entries(value)) {
        const at = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
        if (!Array.isArray(value) && !isStorableText(key)) return at;
        const found = firstUnstorable(item, at);
        if (found !== undefined) return found;
      }
      return undefined;
    };
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.constantFrom('a/b', '~', 'x\u0000'),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.constantFrom(1, -0.5, Number.NaN, Number.POSITIVE_INFINITY, true, null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(text, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (generated) => {
        expect(findUnstorable(generated, '/x')?.pointer).toBe(firstUnstorable(generated, '/x'));
      }),
      { numRuns: 500 },
    );
  });
});
