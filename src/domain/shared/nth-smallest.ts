/** Where {@link nthSmallest} works: grown when a longer list comes, kept for the next call. */
let scratch = new Float64Array(512);

/**
 * The value at `rank` (from 0) of `values` sorted ascending, without sorting them: a selection
 * (Hoare's), which reads each value a few times where a sort compares it log n times, and writes
 * into one scratch array kept between calls instead of allocating a copy. `values` is not changed.
 * For lists of finite numbers (a NaN would not be ordered).
 */
export function nthSmallest(values: readonly number[], rank: number): number {
  if (scratch.length < values.length) scratch = new Float64Array(values.length * 2);
  for (let index = 0; index < values.length; index += 1) scratch[index] = values[index] as number;
  return nthSmallestInPlace(scratch, values.length, rank);
}

/**
 * {@link nthSmallest} of the first `length` values of `work`, found by reordering them in place: for
 * a caller that gathers the values into a scratch array of its own, so nothing is copied again.
 */
export function nthSmallestInPlace(work: Float64Array, length: number, rank: number): number {
  if (!Number.isInteger(rank) || rank < 0 || rank >= length)
    throw new RangeError(`rank ${rank} is outside a list of ${length}`);
  let low = 0;
  let high = length - 1;
  while (low < high) {
    const pivot = medianOfThree(
      work[low] as number,
      work[(low + high) >>> 1] as number,
      work[high] as number,
    );
    let left = low;
    let right = high;
    while (left <= right) {
      while ((work[left] as number) < pivot) left += 1;
      while ((work[right] as number) > pivot) right -= 1;
      if (left <= right) {
        const swapped = work[left] as number;
        work[left] = work[right] as number;
        work[right] = swapped;
        left += 1;
        right -= 1;
      }
    }
    // Now low..right hold values ≤ pivot, left..high values ≥ pivot, and between them the pivot.
    if (rank <= right) high = right;
    else if (rank >= left) low = left;
    else return pivot;
  }
  return work[rank] as number;
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}
