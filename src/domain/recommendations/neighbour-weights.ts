import { appended, nthSmallest } from '../shared/index.js';

/**
 * Lists shorter than this are copied to their exact length as they grow (see `appended`): most
 * products have a few neighbours (at the XL shop's 100,000 products the four neighbour tables took
 * 124 MB with every list pushed onto, 77 MB so).
 */
const COPIED_LENGTH = 16;
/** Every list's start: never written (a write needs a neighbour, a trim a list longer than kept). */
const NONE: number[] = Object.freeze([]) as unknown as number[];
/**
 * Lists this long keep a filter of the ids they hold ({@link IdFilter}): below it a scan costs
 * less than the filter's memory is worth.
 */
const FILTERED_LENGTH = 64;

/**
 * One product's neighbours and the weight paired with each, in the order they were first paired:
 * two plain arrays, ids (small integers) and weights (doubles V8 keeps unboxed in the array).
 *
 * A `Map<number, number>` did the same at some 75 bytes a neighbour on a 2M-event history (its
 * table, and every fractional weight a boxed number of its own); these take 16, and a garbage
 * collection walks one array of small integers instead of a table and its numbers. Lookups scan
 * the ids: a list holds at most three times the neighbours kept (300 by default), and the scan is
 * a builtin over small integers, about half a nanosecond an id. Most lookups of a long list miss
 * (seven in ten while the demo's orders are learnt: a new neighbour, most of them trimmed later),
 * and a miss reads every id, so a long list keeps a filter that answers most misses without a scan.
 */
export class NeighbourWeights {
  #ids: number[] = NONE;
  #weights: number[] = NONE;
  /** Present while the list has {@link FILTERED_LENGTH} neighbours or more. */
  #filter: IdFilter | undefined;

  get size(): number {
    return this.#ids.length;
  }

  /** Adds `weight` to the neighbour's (a new neighbour goes last). */
  add(id: number, weight: number): void {
    const at = this.#indexOf(id);
    if (at >= 0) {
      this.#weights[at] = (this.#weights[at] as number) + weight;
      return;
    }
    this.#append(id, weight);
  }

  /** Sets the neighbour's weight (restoring a saved list); a new neighbour goes last. */
  set(id: number, weight: number): void {
    const at = this.#indexOf(id);
    if (at >= 0) this.#weights[at] = weight;
    else this.#append(id, weight);
  }

  #indexOf(id: number): number {
    return this.#filter?.mayHold(id) === false ? -1 : this.#ids.indexOf(id);
  }

  /** A new neighbour, last. */
  #append(id: number, weight: number): void {
    this.#ids = appended(this.#ids, id, COPIED_LENGTH);
    this.#weights = appended(this.#weights, weight, COPIED_LENGTH);
    if (this.#filter !== undefined) this.#filter.add(id);
    else if (this.#ids.length >= FILTERED_LENGTH) this.#filter = IdFilter.of(this.#ids);
  }

  /** `each` of every neighbour and its weight, in the order first paired. */
  map<T>(each: (id: number, weight: number) => T): T[] {
    const mapped: T[] = [];
    for (let index = 0; index < this.#ids.length; index += 1)
      mapped.push(each(this.#ids[index] as number, this.#weights[index] as number));
    return mapped;
  }

  /**
   * Keeps the `keep` strongest in place, in their order (none when `keep` is 0). Among equal
   * weights at the cut the earliest paired go first. The cut is found by a selection over the
   * weights, without a sorted copy: a list is trimmed every time it passes three times what it keeps,
   * and sorting a copy of its weights was a tenth of the time an order took to learn.
   */
  trim(keep: number): void {
    const weights = this.#weights;
    if (weights.length <= keep) return;
    if (keep <= 0) {
      this.#ids = NONE;
      this.#weights = NONE;
      this.#filter = undefined;
      return;
    }
    const cut = nthSmallest(weights, weights.length - keep);
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
    // A filter cannot forget an id: the trimmed list's is made afresh.
    this.#filter = kept >= FILTERED_LENGTH ? IdFilter.of(this.#ids) : undefined;
  }
}

/** Bits of a filter: 128 bytes; holding 100 to 300 ids, it lets 9 to 25 % of the absent ones through. */
const FILTER_BITS = 1024;
/** A 32-bit hash shifted right by this many bits is a bit's number. */
const FILTER_SHIFT = 32 - Math.log2(FILTER_BITS);

/**
 * Which ids a list may hold: one bit per id, where a hash of the id says (a Bloom filter with one
 * hash). A clear bit means the id is not in the list; a set bit, that it may be.
 */
class IdFilter {
  readonly #words = new Int32Array(FILTER_BITS / 32);

  static of(ids: readonly number[]): IdFilter {
    const filter = new IdFilter();
    for (const id of ids) filter.add(id);
    return filter;
  }

  add(id: number): void {
    const bit = IdFilter.#bitOf(id);
    this.#words[bit >>> 5] = (this.#words[bit >>> 5] as number) | (1 << (bit & 31));
  }

  mayHold(id: number): boolean {
    const bit = IdFilter.#bitOf(id);
    return ((this.#words[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
  }

  /** Ids are small consecutive integers: a Fibonacci hash spreads them over the bits. */
  static #bitOf(id: number): number {
    return Math.imul(id, 0x9e3779b1) >>> FILTER_SHIFT;
  }
}
