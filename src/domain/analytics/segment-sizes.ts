import { DAY_MS } from './daily.js';

/** A value sampled on a UTC day (`day`: the day's start, epoch ms). */
export interface DailySample {
  readonly day: number;
  readonly value: number;
}

/**
 * One point per UTC day in [fromDay, toDay): the size sampled that day, else the last one sampled
 * before it (a day no node sampled, say while none ran, kept the size it had), 0 before the first
 * sample. `samples` in any order, from any time before `toDay`.
 */
export function sizesByDay(
  samples: readonly DailySample[],
  fromDay: number,
  toDay: number,
): { at: number; value: number }[] {
  const sorted = [...samples].sort((a, b) => a.day - b.day);
  const points: { at: number; value: number }[] = [];
  let next = 0;
  let value = 0;
  for (let day = fromDay; day < toDay; day += DAY_MS) {
    while (next < sorted.length && (sorted[next] as DailySample).day <= day) {
      value = (sorted[next] as DailySample).value;
      next += 1;
    }
    points.push({ at: day, value });
  }
  return points;
}
