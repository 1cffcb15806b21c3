/**
 * Ids remembered in the order they came, the oldest forgotten once there are more than `bound`:
 * what a learner needs to count each event or order once, without keeping every id ever seen.
 */
export class RememberedIds {
  readonly #ids = new Set<string>();
  /**
   * Arrival order as a ring of at most `bound` slots (`#next` is the oldest once it is full): a
   * forgotten id leaves memory as soon as it is forgotten, and the ring never grows past the bound.
   */
  readonly #ring: string[] = [];
  #next = 0;

  constructor(readonly bound: number) {}

  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /** Remembers `id` (once), forgetting the oldest when past the bound. */
  add(id: string): void {
    if (this.#ids.has(id)) return;
    this.#ids.add(id);
    if (this.#ring.length < this.bound) {
      this.#ring.push(id);
      return;
    }
    this.#ids.delete(this.#ring[this.#next] as string);
    this.#ring[this.#next] = id;
    this.#next = (this.#next + 1) % this.bound;
  }

  get size(): number {
    return this.#ring.length;
  }

  /** The ids remembered, oldest first, in slices of at most `per` (records of a snapshot). */
  *slices(per: number): Generator<string[]> {
    const inOrder =
      this.#next === 0 ? this.#ring : [...this.#ring.slice(this.#next), ...this.#ring.slice(0, this.#next)];
    for (let first = 0; first < inOrder.length; first += per) yield inOrder.slice(first, first + per);
  }
}
