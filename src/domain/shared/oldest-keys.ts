/**
 * Hands out the keys of a Map oldest first (insertion order), for a least-recently-used Map that
 * evicts from its front. `map.keys().next()` on a fresh iterator walks past every entry deleted
 * since the Map last compacted its table, so with entries moved to the end on every use, each
 * eviction from a large Map took longer the more it had been used. One iterator kept across calls
 * walks past each deleted entry once.
 */
export class OldestKeys<K> {
  #keys: Iterator<K> | undefined;

  constructor(private readonly map: ReadonlyMap<K, unknown>) {}

  /**
   * The oldest key in the map, undefined when it is empty. The caller deletes it before asking
   * again: a key it leaves in place is not handed out a second time until it is set anew.
   */
  take(): K | undefined {
    let next = this.#keys?.next();
    if (next === undefined || next.done === true) {
      // A finished iterator stays finished, even once the map has entries again.
      this.#keys = this.map.keys();
      next = this.#keys.next();
    }
    return next.done === true ? undefined : next.value;
  }

  /** Starts again from the map's first key (after the map was cleared). */
  reset(): void {
    this.#keys = undefined;
  }
}
