import { NeighbourWeights } from './neighbour-weights.js';

/**
 * Weighted co-occurrence counts between products (bought in one order, viewed in one session), both
 * ways with `add` or one way with `addOneWay` (viewed next, viewed then bought). Memory stays linear
 * in the catalogue: each product keeps at most `keep` neighbours, trimmed to the strongest whenever
 * it grows past three times that.
 */
/** Sorted lists kept, at most, and their length (the longest list a strategy asks for). */
const SORTED_ITEMS = 1_000;
const SORTED_LENGTH = 200;

export class CoOccurrence {
  /** Products as small integers: maps keyed by numbers update several times faster than by strings. */
  readonly #ids = new Map<string, number>();
  readonly #names: string[] = [];
  /**
   * Recently read neighbour lists, sorted, until their product changes: requests read the same
   * lists again and again (every for-you reads some 15), and sorting up to 300 pairs each time was
   * a fifth of serving once the lists had filled.
   */
  readonly #sorted = new Map<number, [string, number][]>();
  readonly #neighbours: (NeighbourWeights | undefined)[] = [];
  /** Weight ever added from each product, trimmed neighbours included: how much is known of it. */
  readonly #totals: number[] = [];
  /** Bumped by every change: a damped list depends on the totals of every product it names. */
  #version = 0;
  /** Damped lists (see {@link dampedNeighbours}) read since the last change, by limit and product. */
  readonly #damped = new Map<string, { damping: number; list: readonly (readonly [string, number])[] }>();
  #dampedVersion = 0;

  constructor(private readonly keep = 100) {}

  /** A number that grows with every change: what is derived from the lists may be kept while it stays. */
  get version(): number {
    return this.#version;
  }

  add(a: string, b: string, weight: number): void {
    if (a === b) return;
    const from = this.#idOf(a);
    const to = this.#idOf(b);
    this.#addOne(from, to, weight);
    this.#addOne(to, from, weight);
  }

  /** Counts `weight` from `from` to `to` only (a product seen after another, not the reverse). */
  addOneWay(from: string, to: string, weight: number): void {
    if (from === to) return;
    this.#addOne(this.#idOf(from), this.#idOf(to), weight);
  }

  /** The weight ever added from `item` (0 when unseen): the evidence behind its neighbours. */
  totalOf(item: string): number {
    const id = this.#ids.get(item);
    return id === undefined ? 0 : (this.#totals[id] as number);
  }

  /** The strongest neighbours of `item`, strongest first (a fresh list; its pairs are shared, read only). */
  neighbours(item: string, limit: number): [string, number][] {
    const id = this.#ids.get(item);
    const found = id === undefined ? undefined : this.#neighbours[id];
    if (id === undefined || found === undefined) return [];
    if (limit > SORTED_LENGTH) return this.#sort(found).slice(0, limit);
    let sorted = this.#sorted.get(id);
    if (sorted === undefined) {
      sorted = this.#sort(found).slice(0, SORTED_LENGTH);
      if (this.#sorted.size >= SORTED_ITEMS) this.#sorted.delete(this.#sorted.keys().next().value as number);
    } else this.#sorted.delete(id);
    // Re-inserting keeps the Map's order least recently read first.
    this.#sorted.set(id, sorted);
    return sorted.slice(0, limit);
  }

  /**
   * {@link neighbours} with each weight divided by (1 + the neighbour's own total) to the power
   * `damping`, strongest first: what everyone pairs with says less. Kept until anything changes,
   * since a request reads the same lists several times (a decide's listing and for-you read the
   * same session) and the next request mostly the same popular ones; each was a sort and a hundred
   * powers, an eighth of a decide at 200k events. A fresh read after every change, so the answer
   * is the one computed afresh. Read only.
   */
  dampedNeighbours(item: string, limit: number, damping: number): readonly (readonly [string, number])[] {
    if (this.#dampedVersion !== this.#version) {
      this.#damped.clear();
      this.#dampedVersion = this.#version;
    }
    const key = `${limit}|${item}`;
    const kept = this.#damped.get(key);
    if (kept !== undefined && kept.damping === damping) return kept.list;
    const list = this.neighbours(item, limit)
      .map(([other, value]): [string, number] => [other, value / Math.pow(1 + this.totalOf(other), damping)])
      .sort((a, b) => b[1] - a[1]);
    if (this.#damped.size >= SORTED_ITEMS) this.#damped.delete(this.#damped.keys().next().value as string);
    this.#damped.set(key, { damping, list });
    return list;
  }

  /**
   * Every product known, in the order first seen, with the weight ever added from it and its
   * neighbours in the order they were first paired (the order trimming keeps among equals): what
   * {@link restoreItem}, called in the same order, needs to give back the same answers.
   */
  *state(): Generator<[item: string, total: number, neighbours: [string, number][]]> {
    for (const [id, item] of this.#names.entries()) {
      const neighbours =
        this.#neighbours[id]?.map((other, weight): [string, number] => [
          this.#names[other] as string,
          weight,
        ]) ?? [];
      yield [item, this.#totals[id] as number, neighbours];
    }
  }

  /** Puts back one product of {@link state}; products come in the order `state` gave them. */
  restoreItem(item: string, total: number, neighbours: readonly (readonly [string, number])[]): void {
    const from = this.#idOf(item);
    this.#version += 1;
    this.#totals[from] = total;
    if (neighbours.length === 0) return;
    const list = new NeighbourWeights();
    for (const [other, weight] of neighbours) list.set(this.#idOf(other), weight);
    this.#neighbours[from] = list;
  }

  clear(): void {
    this.#version += 1;
    this.#sorted.clear();
    this.#ids.clear();
    this.#names.length = 0;
    this.#neighbours.length = 0;
    this.#totals.length = 0;
  }

  /** Products with at least one neighbour. */
  get size(): number {
    return this.#neighbours.filter((list) => list !== undefined).length;
  }

  #idOf(item: string): number {
    let id = this.#ids.get(item);
    if (id === undefined) {
      id = this.#names.length;
      this.#ids.set(item, id);
      this.#names.push(item);
      this.#neighbours.push(undefined);
      this.#totals.push(0);
    }
    return id;
  }

  #sort(list: NeighbourWeights): [string, number][] {
    const names = this.#names;
    return list
      .map((other, weight): [string, number] => [names[other] as string, weight])
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  }

  #addOne(from: number, to: number, weight: number): void {
    this.#version += 1;
    this.#sorted.delete(from);
    let list = this.#neighbours[from];
    if (list === undefined) this.#neighbours[from] = list = new NeighbourWeights();
    list.add(to, weight);
    this.#totals[from] = (this.#totals[from] as number) + weight;
    if (list.size > this.keep * 3) list.trim(this.keep);
  }
}
