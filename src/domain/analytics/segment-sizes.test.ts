import { describe, expect, it } from 'vitest';
import { DAY_MS } from './daily.js';
import { sizesByDay } from './segment-sizes.js';

const D = 20_000 * DAY_MS;

describe('sizesByDay', () => {
  it('gives each day its sample, else the last before it, else 0', () => {
    const samples = [
      { day: D + 3 * DAY_MS, value: 7 },
      { day: D - 5 * DAY_MS, value: 2 },
      { day: D + DAY_MS, value: 4 },
    ];
    expect(sizesByDay(samples, D, D + 5 * DAY_MS).map((point) => point.value)).toEqual([2, 4, 4, 7, 7]);
    expect(sizesByDay([], D, D + 2 * DAY_MS)).toEqual([
      { at: D, value: 0 },
      { at: D + DAY_MS, value: 0 },
    ]);
    expect(sizesByDay([{ day: D + DAY_MS, value: 3 }], D, D + 2 * DAY_MS).map((p) => p.value)).toEqual([
      0, 3,
    ]);
  });
});
