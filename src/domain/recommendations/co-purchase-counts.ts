import { chooseEaseItems, type EaseTrainingSet } from './ease-training-set.js';

/**
 * Pairs counted at most (about 40 bytes each in V8: some 80 MiB). A busy customer's thousands of
 * distinct products make millions of pairs on their own: at M (1,000,000 events, 20,000 products) a
 * node with the counts in its snapshot restarted in 22.6 s to 830 MiB, against 8.5 s and 346 MiB
 * without them, most likely for their size (not measured apart from the other changes).
 */
export const MAX_CO_PURCHASE_PAIRS = 2_000_000;

/**
 * How many customers bought each item, and each pair of items (a customer counts once however
 * often they bought): EASE's Gram matrix XᵀX, kept as purchases are learnt so that EASE trains
 * from it without reading every customer's history back from the log. Its size grows with the
 * pairs of products ever bought by one customer (at most the catalogue squared), not with the
 * customers or the events; past a bound the counts are given up (not exact, and no longer kept)
 * until a rebuild counts afresh, and EASE trains from the histories as it did before them.
 */
export class CoPurchaseCounts {
  /**
   * False once the counts may differ from what every customer's history gives (something was
   * learnt that they cannot follow, or they were restored from a snapshot without them): EASE is
   * then trained from the histories instead, until a rebuild from the log counts afresh.
   */
  exact = true;
  readonly #ids = new Map<string, number>();
  readonly #names: string[] = [];
  readonly #buyers: number[] = [];
  /** For each product, its pairs with products of a higher id, each pair once. */
  readonly #pairs: (Map<number, number> | undefined)[] = [];
  #pairCount = 0;
  /** True once the pairs passed the bound: nothing is counted until {@link clear}. */
  #givenUp = false;

  constructor(private readonly maxPairs = MAX_CO_PURCHASE_PAIRS) {}

  /** A customer's first purchase of `item`, after `earlier` (their items before it; `item` is skipped). */
  addFirst(item: string, earlier: Iterable<string>): void {
    if (this.#givenUp) return;
    const id = this.#idOf(item);
    this.#buyers[id] = (this.#buyers[id] as number) + 1;
    for (const other of earlier) if (other !== item) this.#addPair(id, this.#idOf(other), 1);
  }

  /** Adds (`sign` 1) or takes away (−1) a whole customer's items: a merge of two customers. */
  addCustomer(items: readonly string[], sign: 1 | -1): void {
    if (this.#givenUp) return;
    const ids = items.map((item) => this.#idOf(item));
    for (const [index, id] of ids.entries()) {
      this.#buyers[id] = (this.#buyers[id] as number) + sign;
      for (let other = 0; other < index; other += 1) this.#addPair(id, ids[other] as number, sign);
    }
  }

  /** Customers who bought `item` (0 when unseen). */
  buyersOf(item: string): number {
    const id = this.#ids.get(item);
    return id === undefined ? 0 : (this.#buyers[id] as number);
  }

  /** Distinct pairs counted (memory grows with them). */
  get pairs(): number {
    return this.#pairCount;
  }

  /**
   * EASE's training set: the `maxItems` items bought by the most customers (at least two; equal
   * counts by id), as {@link EaseTrainingRows.build} picks them, with their counts.
   */
  trainingSet(maxItems: number): EaseTrainingSet {
    const steps = this.trainingSetSteps(maxItems, Number.POSITIVE_INFINITY);
    for (let step = steps.next(); ; step = steps.next()) if (step.done === true) return step.value;
  }

  /**
   * {@link trainingSet} in steps, pausing after every `slice` items, so that a caller on the event
   * loop can serve requests between them (at S: 800,000 pairs, most of a second in one go). Pairs
   * counted during a pause are read as they stand then, as a read of every history from the log
   * reads each customer as they stand when read.
   */
  *trainingSetSteps(maxItems: number, slice: number): Generator<void, EaseTrainingSet> {
    const names = this.#names;
    const { chosen, position } = chooseEaseItems(names, this.#buyers, maxItems);
    const buyers = Int32Array.from(chosen, (id) => this.#buyers[id] as number);
    // Triples in one growing typed array: millions of them must not make a list of numbers.
    let pairs = new Int32Array(3 * 1024);
    let length = 0;
    for (const [row, id] of chosen.entries()) {
      for (const [other, count] of this.#pairs[id] ?? []) {
        const column = position[other] as number;
        if (column < 0) continue;
        if (length + 3 > pairs.length) {
          const grown = new Int32Array(pairs.length * 2);
          grown.set(pairs);
          pairs = grown;
        }
        pairs[length++] = row;
        pairs[length++] = column;
        pairs[length++] = count;
      }
      if ((row + 1) % slice === 0) yield;
    }
    return {
      items: chosen.map((id) => names[id] as string),
      counts: { buyers, pairs: pairs.slice(0, length) },
    };
  }

  /** Every product in id order: its buyers and its pairs with later products, by name. */
  *state(): Generator<[item: string, buyers: number, pairs: [string, number][]]> {
    for (const [id, item] of this.#names.entries()) {
      const pairs: [string, number][] = [];
      for (const [other, count] of this.#pairs[id] ?? []) pairs.push([this.#names[other] as string, count]);
      yield [item, this.#buyers[id] as number, pairs];
    }
  }

  /** Puts back one product of {@link state}, in the order `state` gave them. */
  restoreItem(item: string, buyers: number, pairs: readonly (readonly [string, number])[]): void {
    if (this.#givenUp) return;
    const id = this.#idOf(item);
    this.#buyers[id] = buyers;
    for (const [other, count] of pairs) this.#addPair(id, this.#idOf(other), count);
  }

  clear(): void {
    this.#ids.clear();
    this.#names.length = 0;
    this.#buyers.length = 0;
    this.#pairs.length = 0;
    this.#pairCount = 0;
    this.#givenUp = false;
    this.exact = true;
  }

  #idOf(item: string): number {
    let id = this.#ids.get(item);
    if (id === undefined) {
      id = this.#names.length;
      this.#ids.set(item, id);
      this.#names.push(item);
      this.#buyers.push(0);
      this.#pairs.push(undefined);
    }
    return id;
  }

  #addPair(a: number, b: number, count: number): void {
    if (a === b || this.#givenUp) return;
    const [low, high] = a < b ? [a, b] : [b, a];
    let list = this.#pairs[low];
    if (list === undefined) this.#pairs[low] = list = new Map<number, number>();
    const before = list.get(high);
    const next = (before ?? 0) + count;
    if (next === 0) {
      if (list.delete(high)) this.#pairCount -= 1;
    } else {
      list.set(high, next);
      if (before === undefined) this.#pairCount += 1;
    }
    if (this.#pairCount > this.maxPairs) this.#giveUp();
  }

  /** Past the bound: the counts are dropped and no longer kept; EASE trains from the histories. */
  #giveUp(): void {
    this.#givenUp = true;
    this.exact = false;
    this.#pairs.length = 0;
    this.#pairCount = 0;
  }
}
