/** Fullest a table gets before it doubles. */
const MAX_LOAD = 0.7;

/**
 * Counts keyed by small non-negative integers (one product's co-purchases, by the other product's
 * id): open addressing with linear probing over two typed arrays, some 15 bytes a count where a
 * `Map<number, number>` takes 36. Millions of them are kept, so the bytes matter.
 */
export class PairCounts {
  /** Key + 1 in each slot; 0 marks an empty slot. */
  #keys = new Int32Array(4);
  #counts = new Int32Array(4);
  /** 32 − log2 of the capacity: a slot is the top bits of a Fibonacci hash. */
  #shift = 30;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** The count under `key`; 0 when there is none. */
  get(key: number): number {
    const slot = this.#find(key);
    return this.#keys[slot] === 0 ? 0 : (this.#counts[slot] as number);
  }

  /**
   * Adds `change` to the count under `key` (a count that reaches 0 is removed). Returns how the
   * number of keys changed: 1 (a new key), −1 (one removed) or 0.
   */
  add(key: number, change: number): -1 | 0 | 1 {
    if (change === 0) return 0;
    const slot = this.#find(key);
    if (this.#keys[slot] === 0) {
      this.#keys[slot] = key + 1;
      this.#counts[slot] = change;
      this.#size += 1;
      if (this.#size > this.#keys.length * MAX_LOAD) this.#resize(this.#keys.length * 2);
      return 1;
    }
    const next = (this.#counts[slot] as number) + change;
    if (next !== 0) {
      this.#counts[slot] = next;
      return 0;
    }
    this.#removeAt(slot);
    return -1;
  }

  /** Removes `key`; false when it had no count. */
  delete(key: number): boolean {
    const slot = this.#find(key);
    if (this.#keys[slot] === 0) return false;
    this.#removeAt(slot);
    return true;
  }

  /** Every key and its count, in no particular order. Do not change the table while reading it. */
  *entries(): Generator<[key: number, count: number]> {
    const keys = this.#keys;
    for (let slot = 0; slot < keys.length; slot += 1) {
      const stored = keys[slot] as number;
      if (stored !== 0) yield [stored - 1, this.#counts[slot] as number];
    }
  }

  /** The keys `wanted` accepts, read into an array first: the table may be changed while they are gone through. */
  keysWhere(wanted: (key: number) => boolean): number[] {
    const keys: number[] = [];
    for (const stored of this.#keys) if (stored !== 0 && wanted(stored - 1)) keys.push(stored - 1);
    return keys;
  }

  /**
   * Rebuilds the table at the smallest capacity that holds its keys when it has more than
   * `slotsPerKey` slots per key: a table that lost most of its keys (a prune) gives back their memory.
   */
  shrinkIfSparse(slotsPerKey: number): void {
    if (this.#keys.length <= 4 || this.#keys.length <= this.#size * slotsPerKey) return;
    let capacity = 4;
    while (this.#size > capacity * MAX_LOAD) capacity *= 2;
    this.#resize(capacity);
  }

  /** Slots in the table (memory: 8 bytes each). */
  get capacity(): number {
    return this.#keys.length;
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  #find(key: number): number {
    const mask = this.#keys.length - 1;
    for (let slot = this.#home(key + 1); ; slot = (slot + 1) & mask) {
      const stored = this.#keys[slot];
      if (stored === 0 || stored === key + 1) return slot;
    }
  }

  /**
   * Empties `slot`, then moves back each later entry of its run that may no longer be found past
   * the gap (backward-shift deletion: no tombstones, so lookups stay short after many removals).
   */
  #removeAt(slot: number): void {
    const mask = this.#keys.length - 1;
    let gap = slot;
    for (let next = (gap + 1) & mask; this.#keys[next] !== 0; next = (next + 1) & mask) {
      const home = this.#home(this.#keys[next] as number);
      // The entry at `next` may move to the gap unless its home lies cyclically in (gap, next].
      const homeAfterGap = gap <= next ? gap < home && home <= next : gap < home || home <= next;
      if (homeAfterGap) continue;
      this.#keys[gap] = this.#keys[next] as number;
      this.#counts[gap] = this.#counts[next] as number;
      gap = next;
    }
    this.#keys[gap] = 0;
    this.#counts[gap] = 0;
    this.#size -= 1;
  }

  /** Where a stored key's probe starts. */
  #home(stored: number): number {
    return Math.imul(stored, 0x9e3779b1) >>> this.#shift;
  }

  #resize(capacity: number): void {
    const keys = this.#keys;
    const counts = this.#counts;
    this.#keys = new Int32Array(capacity);
    this.#counts = new Int32Array(capacity);
    this.#shift = 32 - Math.log2(capacity);
    for (let slot = 0; slot < keys.length; slot += 1) {
      const stored = keys[slot] as number;
      if (stored === 0) continue;
      const target = this.#find(stored - 1);
      this.#keys[target] = stored;
      this.#counts[target] = counts[slot] as number;
    }
  }
}
