import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NeighbourWeights } from './neighbour-weights.js';

/**
 * What the lists were before they were two arrays: a Map in the order first paired, trimmed by
 * dropping every weight under the cut, then the earliest at the cut until `keep` are left.
 */
class MapNeighbours {
  readonly map = new Map<number, number>();

  add(id: number, weight: number): void {
    this.map.set(id, (this.map.get(id) ?? 0) + weight);
  }

  set(id: number, weight: number): void {
    this.map.set(id, weight);
  }

  trim(keep: number): void {
    if (this.map.size <= keep) return;
    if (keep === 0) {
      this.map.clear();
      return;
    }
    const weights = Float64Array.from(this.map.values()).sort();
    const cut = weights[weights.length - keep] as number;
    for (const [id, weight] of this.map) if (weight < cut) this.map.delete(id);
    for (const [id, weight] of this.map) {
      if (this.map.size <= keep) return;
      if (weight === cut) this.map.delete(id);
    }
  }
}

/**
 * An add or a set (a restored weight; weights from a few values, so ties at the cut are common), or
 * a trim to `keep`: ids up to `maxId`, trims to up to `maxKeep`. Small lists pass 16 neighbours,
 * where they stop being copied and start being pushed; long ones pass 64, where a filter of their
 * ids starts answering lookups.
 */
function steps(maxId: number, maxKeep: number, length: number, writesPerTrim: number) {
  const step = fc.oneof(
    {
      arbitrary: fc.record({
        kind: fc.constantFrom('add' as const, 'set' as const),
        id: fc.integer({ min: 0, max: maxId }),
        weight: fc.constantFrom(1, 2, 0.5, 0.25, 3),
      }),
      weight: writesPerTrim,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('trim' as const),
        keep: fc.integer({ min: 0, max: maxKeep }),
      }),
      weight: 1,
    },
  );
  return fc.array(step, { minLength: length / 2, maxLength: length });
}

/** The list's neighbours and weights, in its order. */
function pairs(list: NeighbourWeights): [number, number][] {
  return list.map((id, weight) => [id, weight]);
}

describe('NeighbourWeights', () => {
  it.each([
    ['short lists', 40, 12, 300, 6],
    ['long lists, filtered', 400, 120, 1_500, 40],
  ])(
    'holds, adds and trims exactly as the Map it replaced, in the same order: %s',
    (_, maxId, maxKeep, length, writesPerTrim) => {
      fc.assert(
        fc.property(steps(maxId, maxKeep, length, writesPerTrim), (list) => {
          const arrays = new NeighbourWeights();
          const reference = new MapNeighbours();
          for (const next of list) {
            if (next.kind !== 'trim') {
              arrays[next.kind](next.id, next.weight);
              reference[next.kind](next.id, next.weight);
            } else {
              arrays.trim(next.keep);
              reference.trim(next.keep);
            }
            // Long lists after each trim only (a lookup the filter got wrong leaves a second entry).
            if (next.kind === 'trim' || arrays.size < 64) expect(pairs(arrays)).toEqual([...reference.map]);
          }
          expect(arrays.size).toBe(reference.map.size);
          expect(arrays.map((id, weight) => `${id}:${weight}`)).toEqual(
            [...reference.map].map(([id, weight]) => `${id}:${weight}`),
          );
        }),
        { numRuns: length > 500 ? 30 : 100 },
      );
    },
  );

  it('keeps the strongest, and among ties at the cut the latest paired', () => {
    const list = new NeighbourWeights();
    for (const [id, weight] of [
      [1, 2],
      [2, 5],
      [3, 2],
      [4, 1],
      [5, 2],
    ] as const)
      list.add(id, weight);
    list.add(4, 0.5);
    list.trim(3);
    expect(pairs(list)).toEqual([
      [2, 5],
      [3, 2],
      [5, 2],
    ]);
  });

  it('sets a restored weight in place rather than adding to it', () => {
    const list = new NeighbourWeights();
    list.set(7, 1.5);
    list.set(8, 2);
    list.set(7, 4);
    expect(pairs(list)).toEqual([
      [7, 4],
      [8, 2],
    ]);
  });
});
