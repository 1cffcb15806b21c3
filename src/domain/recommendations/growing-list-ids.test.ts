import { describe, expect, it } from 'vitest';
import { CoPurchaseCounts } from './co-purchase-counts.js';
import { GrowingListIds } from './growing-list-ids.js';

describe('ids of a growing list', () => {
  it('look up each item once while the list stays the same array, and a new array whole', () => {
    const looked: string[] = [];
    const ids = new GrowingListIds((item) => {
      looked.push(item);
      return item.charCodeAt(0);
    });
    const list = ['a', 'b'];
    expect(ids.of(list)).toEqual([97, 98]);
    list.push('c');
    expect(ids.of(list)).toEqual([97, 98, 99]);
    expect(looked).toEqual(['a', 'b', 'c']);
    expect(ids.of(['a', 'b', 'c', 'd'])).toEqual([97, 98, 99, 100]);
    expect(looked).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'd']);
  });

  it('look every item up again after forget', () => {
    let next = 0;
    const ids = new GrowingListIds(() => (next += 1));
    const list = ['a', 'b'];
    expect(ids.of(list)).toEqual([1, 2]);
    ids.forget();
    expect(ids.of(list)).toEqual([3, 4]);
  });

  it('are read afresh by the co-purchase counts after a clear: the ids were given anew', () => {
    const list = ['a', 'b'];
    const counts = new CoPurchaseCounts();
    counts.addFirst('b', list);
    counts.clear();
    list.push('c');
    counts.addFirst('c', list);
    const fresh = new CoPurchaseCounts();
    fresh.addFirst('c', ['a', 'b', 'c']);
    expect([...counts.state()]).toEqual([...fresh.state()]);
  });
});
