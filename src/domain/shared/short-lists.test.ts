import { describe, expect, it } from 'vitest';
import { appended } from './short-lists.js';

describe('appended', () => {
  it('copies a short list, frozen or not, and grows a long one in place', () => {
    const none: readonly number[] = Object.freeze([]);
    const one = appended(none, 1, 3);
    expect(one).toEqual([1]);
    expect(none).toEqual([]);
    const two = appended(one, 2, 3);
    expect(two).not.toBe(one);
    const three = appended(two, 3, 3);
    const four = appended(three, 4, 3);
    expect(four).toBe(three);
    expect(four).toEqual([1, 2, 3, 4]);
  });
});
