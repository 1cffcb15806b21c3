/**
 * Ids remembered in the order they came, the oldest forgotten once there are more than `bound`:
 * what a learner needs to count each event or order once, without keeping every id ever seen.
 */
export class RememberedIds {
  readonly #ids = new Set<string>();
  /** Arrival order; entries before `#oldest` are forgotten already (dropped from the array now and then). */
  #order: string[] = [];
  #oldest = 0;

  constructor(readonly bound: number) {}

  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /** Remembers `id` (once), forgetting the oldest when past the bound. */
  add(id: string): void {
    if (this.#ids.has(id)) return;
    this.#ids.add(id);
    this.#order.push(id);
    if (this.#order.length - this.#oldest > this.bound) {
      this.#ids.delete(this.#order[this.#oldest] as string);
      this.#oldest += 1;
      // Drop the forgotten head now and then, so the queue does not keep every id ever seen.
      if (this.#oldest > this.bound) {
        this.#order = this.#order.slice(this.#oldest);
        this.#oldest = 0;
      }
    }
  }

  get size(): number {
    return this.#order.length - this.#oldest;
  }

  /** The ids remembered, oldest first, in slices of at most `per` (records of a snapshot). */
  *slices(per: number): Generator<string[]> {
    for (let first = this.#oldest; first < this.#order.length; first += per)
      yield this.#order.slice(first, Math.min(first + per, this.#order.length));
  }
}
