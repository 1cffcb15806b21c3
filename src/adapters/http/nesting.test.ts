import { describe, expect, it } from 'vitest';
import { findInputFault, findTooDeep } from './nesting.js';

/** `levels` objects nested under `key`, innermost holding a number. */
function nested(levels: number, key = 'a'): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level++) value = { [key]: value };
  return value;
}

describe('findTooDeep', () => {
  it.each([
    ['a number', 1, 3, undefined],
    ['an empty object', {}, 1, undefined],
    ['exactly the limit', nested(3), 3, undefined],
    ['one level over', nested(4), 3, '/a/a/a'],
    ['arrays count as levels', [[[[1]]]], 3, '/0/0/0'],
    ['the deep branch, not the first', { x: 1, y: [{ z: {} }] }, 3, '/y/0/z'],
    ['keys escaped as JSON Pointer', { 'a/b': { '~': { c: {} } } }, 3, '/a~1b/~0/c'],
  ])('%s', (_name, value, limit, pointer) => {
    expect(findTooDeep(value, limit)).toBe(pointer);
  });

  it('walks a million levels without overflowing the stack', () => {
    let value: unknown = [];
    for (let level = 0; level < 1_000_000; level++) value = [value];
    expect(findTooDeep(value, 32)).toBe(`/0`.repeat(32));
  });
});

describe('findInputFault: depth and storability in one walk', () => {
  it.each([
    ['nothing wrong', { a: ['x', 1, { b: true }] }, 3, undefined],
    ['a NUL in a value', { a: 'ok', b: ['x\u0000'] }, 3, { kind: 'text', pointer: '/b/0' }],
    ['an unpaired surrogate in a key', { a: { '\ud800': 1 } }, 3, { kind: 'text', pointer: '/a/\ud800' }],
    ['a number JSON cannot write', { n: Infinity }, 3, { kind: 'number', pointer: '/n' }],
    ['the first of two bad strings', { a: '\u0000', b: '\u0000' }, 3, { kind: 'text', pointer: '/a' }],
    [
      'too deep wins over a bad string before it',
      { a: '\u0000', b: [[[1]]] },
      3,
      { kind: 'too_deep', pointer: '/b/0/0' },
    ],
  ])('%s', (_name, value, limit, fault) => {
    expect(findInputFault(value, limit)).toEqual(fault);
  });
});
