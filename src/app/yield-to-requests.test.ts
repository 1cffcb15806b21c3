import { describe, expect, it } from 'vitest';
import { FairSlices } from './yield-to-requests.js';

/** A clock the test moves, and a turn of the others that takes `othersMs` of it. */
function slicesWith(othersMs: number[]) {
  let now = 0;
  const turns = [...othersMs];
  let yielded = 0;
  const slices = new FairSlices({
    now: () => now,
    yieldTo: async () => {
      yielded += 1;
      now += turns.shift() ?? 0;
    },
  });
  return {
    slices,
    work: (ms: number) => (now += ms),
    yielded: () => yielded,
  };
}

describe('FairSlices', () => {
  it('runs a slice of the minimum on a quiet node, and yields only once it is spent', async () => {
    const { slices, work, yielded } = slicesWith([0, 0]);
    work(3);
    if (slices.due) await slices.giveWay();
    expect(yielded()).toBe(0);
    work(1);
    if (slices.due) await slices.giveWay();
    expect(yielded()).toBe(1);
    expect(slices.sliceMs).toBe(4);
  });

  it('takes half of the others’ last turn when it was long, and never more than the maximum', async () => {
    const { slices, work, yielded } = slicesWith([60, 200, 2]);
    work(8);
    if (slices.due) await slices.giveWay();
    expect(slices.sliceMs).toBe(30);
    work(29);
    if (slices.due) await slices.giveWay();
    expect(yielded()).toBe(1);
    work(1);
    if (slices.due) await slices.giveWay();
    expect(yielded()).toBe(2);
    expect(slices.sliceMs).toBe(40);
    work(40);
    if (slices.due) await slices.giveWay();
    expect(slices.sliceMs).toBe(4);
  });
});
