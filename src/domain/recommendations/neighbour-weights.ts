import { appended } from '../shared/index.js';

/**
 * Lists shorter than this are copied to their exact length as they grow (see `appended`): most
 * products have a few neighbours (at the XL shop's 100,000 products the four neighbour tables took
 * 124 MB with every list pushed onto, 77 MB so).
 */
const COPIED_LENGTH = 16;
/** Every list's start: never written (a write needs a neighbour, a trim a list longer than kept). */
const NONE: number[] = Object.freeze([]) as unknown as number[];

/**
 * One product's neighbours and the weight paired with each, in the order they were first paired:
 * two plain arrays, ids (small integers) and weights (doubles V8 keeps unboxed in the array).
 *
 * A `Map<number, number>` did the same at some 75 bytes a neighbour on a 2M-event history (its
 * table, and every fractional weight a boxed number of its own); these take 16, and a garbage
 * collection walks one array of small integers instead of a table and its numbers. Lookups scan
 * the ids: a list holds at most three times the neighbours kept (300 by default), and the scan is
 * a builtin over small integers, tens of nanoseconds against the microseconds an event costs.
 */
export class NeighbourWeights {
  #ids: number[] = NONE;
  #weights: number[] = NONE;

  get size(): number {
    return this.#ids.length;
  }

  /** Adds `weight` to the neighbour's (a new neighbour goes last). */
  add(id: number, weight: number): void {
    const at = this.#ids.indexOf(id);
    if (at >= 0) {
      this.#weights[at] = (this.#weights[at] as number) + weight;
      return;
    }
    this.#append(id, weight);
  }

  /** Sets the neighbour's weight (restoring a saved list); a new neighbour goes last. */
  set(id: number, weight: number): void {
    const at = this.#ids.indexOf(id);
    if (at >= 0) this.#weights[at] = weight;
    else this.#append(id, weight);
  }

  /** A new neighbour, last. */
  #append(id: number, weight: number): void {
    this.#ids = appended(this.#ids, id, COPIED_LENGTH);
    this.#weights = appended(this.#weights, weight, COPIED_LENGTH);
  }

  /** `each` of every neighbour and its weight, in the order first paired. */
  map<T>(each: (id: number, weight: number) => T): T[] {
    const mapped: T[] = [];
    for (let index = 0; index < this.#ids.length; index += 1)
      mapped.push(each(this.#ids[index] as number, this.#weights[index] as number));
    return mapped;
  }

  /**
   * Keeps the `keep` strongest in place, in their order. Among equal weights at the cut the
   * earliest paired go first. Sorting the weights as numbers costs microseconds and allocates one
   * small array.
   */
  trim(keep: number): void {
    const weights = this.#weights;
    if (weights.length <= keep) return;
    const cut = Float64Array.from(weights).sort()[weights.length - keep] as number;
    let atCut = 0;
    for (const weight of weights) if (weight >= cut) atCut += 1;
    // Entries at the cut itself to drop, the earliest first, so that exactly `keep` stay.
    let tiesToDrop = atCut - keep;
    let kept = 0;
    for (let index = 0; index < weights.length; index += 1) {
      const weight = weights[index] as number;
      if (weight < cut) continue;
      if (weight === cut && tiesToDrop > 0) {
        tiesToDrop -= 1;
        continue;
      }
      this.#ids[kept] = this.#ids[index] as number;
      weights[kept] = weight;
      kept += 1;
    }
    this.#ids.length = kept;
    weights.length = kept;
  }
}
