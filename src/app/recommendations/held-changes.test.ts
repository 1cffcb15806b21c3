import { describe, expect, it } from 'vitest';
import { HeldChanges } from './held-changes.js';

/** Changes applied to a list, one slice per change (slices of 0 ms yield after each). */
function recording(sliceMs = 0) {
  const applied: number[] = [];
  const changes = new HeldChanges<number>(
    (change) => {
      if (change < 0) throw new Error(`change ${change} fails`);
      applied.push(change);
    },
    { minMs: sliceMs, maxMs: sliceMs },
  );
  return { applied, changes };
}

describe('HeldChanges', () => {
  it('applies at once when nothing is held', () => {
    const { applied, changes } = recording();
    changes.offer(1);
    expect(applied).toEqual([1]);
    expect(changes.busy).toBe(false);
  });

  it('starts the catch-up again when overlapping holds are let go in the same turn', async () => {
    const { applied, changes } = recording();
    const first = changes.hold();
    const second = changes.hold();
    changes.offer(1);
    changes.offer(2);
    void first();
    await second();
    await changes.settled();
    expect(applied).toEqual([1, 2]);
    changes.offer(3);
    expect(applied).toEqual([1, 2, 3]);
  });

  it('applies every change in arrival order while new ones keep coming during a long catch-up', async () => {
    const { applied, changes } = recording();
    const release = changes.hold();
    for (let change = 0; change < 2_000; change += 1) changes.offer(change);
    const caughtUp = release();
    for (let change = 2_000; change < 3_000; change += 1) {
      changes.offer(change);
      if (change % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(changes.busy).toBe(true);
    await caughtUp;
    await changes.settled();
    expect(applied).toEqual(Array.from({ length: 3_000 }, (_, change) => change));
    expect(changes.busy).toBe(false);
  });

  it('applies the rest when one change fails, and rejects with the failure', async () => {
    const { applied, changes } = recording(8);
    const release = changes.hold();
    changes.offer(1);
    changes.offer(-1);
    changes.offer(2);
    await expect(release()).rejects.toThrow('change -1 fails');
    expect(applied).toEqual([1, 2]);
    expect(changes.busy).toBe(false);
  });

  it('settles once the hold is let go and what waited is applied', async () => {
    const { applied, changes } = recording();
    const release = changes.hold();
    changes.offer(1);
    expect(changes.busy).toBe(true);
    expect(applied).toEqual([]);
    let settled = false;
    const settling = changes.settled().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(settled).toBe(false);
    void release();
    await settling;
    expect(applied).toEqual([1]);
  });
});
