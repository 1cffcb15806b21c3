/**
 * Symmetric, weighted co-occurrence counts between products (bought in one order, viewed one after
 * the other). Memory stays linear in the catalogue: each product keeps at most `keep` neighbours,
 * trimmed to the strongest whenever it grows past twice that.
 */
export class CoOccurrence {
  readonly #neighbours = new Map<string, Map<string, number>>();

  constructor(private readonly keep = 100) {}

  add(a: string, b: string, weight: number): void {
    if (a === b) return;
    this.#addOne(a, b, weight);
    this.#addOne(b, a, weight);
  }

  /** The strongest neighbours of `item`, strongest first. */
  neighbours(item: string, limit: number): [string, number][] {
    const found = this.#neighbours.get(item);
    if (found === undefined) return [];
    return [...found].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, limit);
  }

  /** Every neighbour of `item` and its weight (unsorted). */
  all(item: string): ReadonlyMap<string, number> | undefined {
    return this.#neighbours.get(item);
  }

  clear(): void {
    this.#neighbours.clear();
  }

  get size(): number {
    return this.#neighbours.size;
  }

  #addOne(from: string, to: string, weight: number): void {
    let list = this.#neighbours.get(from);
    if (list === undefined) this.#neighbours.set(from, (list = new Map<string, number>()));
    list.set(to, (list.get(to) ?? 0) + weight);
    if (list.size > this.keep * 2) {
      const kept = [...list].sort((x, y) => y[1] - x[1]).slice(0, this.keep);
      this.#neighbours.set(from, new Map(kept));
    }
  }
}
