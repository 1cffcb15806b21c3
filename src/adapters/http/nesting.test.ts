import { describe, expect, it } from 'vitest';
import { findTooDeep } from './nesting.js';

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
