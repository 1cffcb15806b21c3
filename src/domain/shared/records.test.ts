import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyRecord, ownValue, withEntry } from './records.js';

const BUILT_IN = fc.constantFrom(
  ...Object.getOwnPropertyNames(Object.prototype),
  ...Object.getOwnPropertyNames(Function.prototype),
  'prototype',
);

describe('records keyed by outside strings', () => {
  it('read a built-in name as absent until it is set, then as what was set, through JSON too', () => {
    fc.assert(
      fc.property(fc.oneof(BUILT_IN, fc.string()), fc.integer(), (key, value) => {
        const parsed = JSON.parse('{"plain": 1}') as Record<string, number>;
        if (key !== 'plain') expect(ownValue(parsed, key)).toBeUndefined();
        const written = withEntry(parsed, key, value);
        expect(ownValue(written, key)).toBe(value);
        expect(ownValue(JSON.parse(JSON.stringify(written)) as Record<string, number>, key)).toBe(value);
        expect(Object.keys(copyRecord(written)).sort()).toEqual(Object.keys(written).sort());
      }),
    );
  });
});
