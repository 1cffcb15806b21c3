/** Fullest a table gets before it doubles. */
const MAX_LOAD = 0.7;

/**
 * Counts keyed by small non-negative integers (one product's co-purchases, by the other product's
 * id): open addressing with linear probing over one typed array, some 15 bytes a count where a
 * `Map<number, number>` takes 36. Millions of them are kept, so the bytes matter.
 *
 * A slot is two neighbouring integers, the key and its count, so that finding a count and changing
 * it read one cache line: the tables of a shop's co-purchases are tens of MB, and each pair a
 * purchase counts lands in one of them at random (two reads from memory per pair with keys and
 * counts in arrays of their own, most of the time an order takes to learn).
 */
export class PairCounts {
  /** Slot `s` is `[2s]`: key + 1 (0 marks an empty slot), and `[2s + 1]`: its count. */
  #slots = new Int32Array(2 * 4);
  /** 32 − log2 of the capacity: a slot is the top bits of a Fibonacci hash. */
  #shift = 30;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** The count under `key`; 0 when there is none. */
  get(key: number): number {
    const at = this.#find(key);
    return this.#slots[at] === 0 ? 0 : (this.#slots[at + 1] as number);
  }

  /**
   * Adds `change` to the count under `key` (a count that reaches 0 is removed). Returns how the
   * number of keys changed: 1 (a new key), −1 (one removed) or 0.
   */
  add(key: number, change: number): -1 | 0 | 1 {
    if (change === 0) return 0;
    const slots = this.#slots;
    const at = this.#find(key);
    if (slots[at] === 0) {
      slots[at] = key + 1;
      slots[at + 1] = change;
      this.#size += 1;
      if (this.#size > this.capacity * MAX_LOAD) this.#resize(this.capacity * 2);
      return 1;
    }
    const next = (slots[at + 1] as number) + change;
    if (next !== 0) {
      slots[at + 1] = next;
      return 0;
    }
    this.#removeAt(at);
    return -1;
  }

  /** Removes `key`; false when it had no count. */
  delete(key: number): boolean {
    const at = this.#find(key);
    if (this.#slots[at] === 0) return false;
    this.#removeAt(at);
    return true;
  }

  /**
   * Calls `visit` with every key and its count, in no particular order. Do not change the table
   * meanwhile. A callback rather than a generator of pairs: EASE's training set and a snapshot read
   * millions of them, and a generator made an array of each and resumed once a pair.
   */
  forEach(visit: (key: number, count: number) => void): void {
    const slots = this.#slots;
    for (let at = 0; at < slots.length; at += 2) {
      const stored = slots[at] as number;
      if (stored !== 0) visit(stored - 1, slots[at + 1] as number);
    }
  }

  /** The keys `wanted` accepts, read into an array first: the table may be changed while they are gone through. */
  keysWhere(wanted: (key: number) => boolean): number[] {
    const keys: number[] = [];
    const slots = this.#slots;
    for (let at = 0; at < slots.length; at += 2) {
      const stored = slots[at] as number;
      if (stored !== 0 && wanted(stored - 1)) keys.push(stored - 1);
    }
    return keys;
  }

  /**
   * Rebuilds the table at the smallest capacity that holds its keys when it has more than
   * `slotsPerKey` slots per key: a table that lost most of its keys (a prune) gives back their memory.
   */
  shrinkIfSparse(slotsPerKey: number): void {
    if (this.capacity <= 4 || this.capacity <= this.#size * slotsPerKey) return;
    let capacity = 4;
    while (this.#size > capacity * MAX_LOAD) capacity *= 2;
    this.#resize(capacity);
  }

  /** Slots in the table (memory: 8 bytes each). */
  get capacity(): number {
    return this.#slots.length >> 1;
  }

  /** Where in {@link #slots} the slot holding `key` starts, or the empty slot where it would go. */
  #find(key: number): number {
    const slots = this.#slots;
    const mask = slots.length - 1;
    for (let at = this.#home(key + 1); ; at = (at + 2) & mask) {
      const stored = slots[at];
      if (stored === 0 || stored === key + 1) return at;
    }
  }

  /**
   * Empties the slot at `at`, then moves back each later entry of its run that may no longer be
   * found past the gap (backward-shift deletion: no tombstones, so lookups stay short after many
   * removals).
   */
  #removeAt(at: number): void {
    const slots = this.#slots;
    const mask = slots.length - 1;
    let gap = at;
    for (let next = (gap + 2) & mask; slots[next] !== 0; next = (next + 2) & mask) {
      const home = this.#home(slots[next] as number);
      // The entry at `next` may move to the gap unless its home lies cyclically in (gap, next].
      const homeAfterGap = gap <= next ? gap < home && home <= next : gap < home || home <= next;
      if (homeAfterGap) continue;
      slots[gap] = slots[next] as number;
      slots[gap + 1] = slots[next + 1] as number;
      gap = next;
    }
    slots[gap] = 0;
    slots[gap + 1] = 0;
    this.#size -= 1;
  }

  /** Where a stored key's probe starts in {@link #slots}. */
  #home(stored: number): number {
    return (Math.imul(stored, 0x9e3779b1) >>> this.#shift) << 1;
  }

  #resize(capacity: number): void {
    const old = this.#slots;
    this.#slots = new Int32Array(2 * capacity);
    this.#shift = 32 - Math.log2(capacity);
    for (let at = 0; at < old.length; at += 2) {
      const stored = old[at] as number;
      if (stored === 0) continue;
      const target = this.#find(stored - 1);
      this.#slots[target] = stored;
      this.#slots[target + 1] = old[at + 1] as number;
    }
  }
}
