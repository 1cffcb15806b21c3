import type { CustomerHistory } from './customer-history.js';

/**
 * What EASE trains on: the most bought items (by distinct customers), and either each customer's
 * set of them (`rows`) or the counts those sets add up to (`counts`): the same model from either.
 */
export type EaseTrainingSet =
  | { readonly items: string[]; readonly rows: Int32Array[] }
  | { readonly items: string[]; readonly counts: EaseCounts };

/**
 * The items EASE trains on: the `maxItems` `eligible` ones bought by the most customers (at least
 * two; equal counts by name), as ids into `names`, and each id's place among them (-1: left out). Training from the
 * histories and from the counts must pick the same items for the same model, so both pick here.
 */
export function chooseEaseItems(
  names: readonly string[],
  buyers: readonly number[],
  maxItems: number,
  eligible: (id: number) => boolean = () => true,
): { readonly chosen: number[]; readonly position: Int32Array } {
  const chosen = names
    .map((_, id) => id)
    .filter((id) => (buyers[id] as number) >= 2 && eligible(id))
    .sort(
      (a, b) =>
        (buyers[b] as number) - (buyers[a] as number) ||
        ((names[a] as string) < (names[b] as string) ? -1 : 1),
    )
    .slice(0, maxItems);
  const position = new Int32Array(names.length).fill(-1);
  chosen.forEach((id, index) => (position[id] = index));
  return { chosen, position };
}

/** Customers who bought each item, and each pair of items: XᵀX, sparse. */
export interface EaseCounts {
  /** `buyers[i]`: customers who bought item i (the Gram matrix's diagonal). */
  readonly buyers: Int32Array;
  /** Triples (i, j, customers who bought both), each pair once, i ≠ j, in chunks ({@link TripleChunks}). */
  readonly pairs: readonly Int32Array[];
}

/** Triples a chunk of {@link TripleChunks} holds: 768 KB. */
const TRIPLES_PER_CHUNK = 65_536;

/**
 * (i, j, count) triples collected in chunks of one size. Millions of them (24 MB at the demo's 2,000
 * items) must not make a list of numbers, and a single array grown by doubling was copied as it grew
 * and cut to length at the end: copies of tens of MB in one go, on the event loop, that requests
 * waited behind. Chunks are never copied, and move to a worker thread as they are.
 */
export class TripleChunks {
  readonly #full: Int32Array[] = [];
  #chunk: Int32Array;
  #length = 0;

  constructor(private readonly triplesPerChunk = TRIPLES_PER_CHUNK) {
    this.#chunk = new Int32Array(3 * triplesPerChunk);
  }

  add(i: number, j: number, count: number): void {
    if (this.#length === this.#chunk.length) {
      this.#full.push(this.#chunk);
      this.#chunk = new Int32Array(3 * this.triplesPerChunk);
      this.#length = 0;
    }
    this.#chunk[this.#length++] = i;
    this.#chunk[this.#length++] = j;
    this.#chunk[this.#length++] = count;
  }

  /** The chunks so far, the last one a view of the triples it holds (not a copy). */
  chunks(): Int32Array[] {
    return [...this.#full, this.#chunk.subarray(0, this.#length)];
  }
}

/**
 * Collects customers' purchases one customer at a time (from memory, or streamed from the store),
 * keeping each as a row of item numbers: nothing else of a customer is kept.
 */
export class EaseTrainingRows {
  readonly #numbers = new Map<string, number>();
  readonly #names: string[] = [];
  readonly #buyers: number[] = [];
  readonly #bought: Int32Array[] = [];
  #scratch = new Int32Array(256);

  /**
   * `eligible`: the items EASE may cover (by default every one); the rest are left out of every
   * customer's purchases, as if never bought.
   */
  constructor(private readonly eligible: (item: string) => boolean = () => true) {}

  /** One customer's purchased items, each once. */
  add(purchased: Iterable<string>, count: number): void {
    if (count === 0) return;
    if (this.#scratch.length < count) this.#scratch = new Int32Array(count);
    let length = 0;
    for (const item of purchased) {
      if (!this.eligible(item)) continue;
      let number = this.#numbers.get(item);
      if (number === undefined) {
        number = this.#names.length;
        this.#numbers.set(item, number);
        this.#names.push(item);
        this.#buyers.push(0);
      }
      this.#buyers[number] = (this.#buyers[number] as number) + 1;
      this.#scratch[length++] = number;
    }
    if (length > 0) this.#bought.push(this.#scratch.slice(0, length));
  }

  /**
   * Picks the `maxItems` items bought by the most customers (the dense model's memory and time grow
   * with their square and cube) and writes each customer's purchases as indexes into them.
   */
  build(maxItems: number): EaseTrainingSet {
    // Eligible again: an item may have stopped being so while customers were added (read from the store).
    const { chosen, position } = chooseEaseItems(this.#names, this.#buyers, maxItems, (number) =>
      this.eligible(this.#names[number] as string),
    );
    const rows: Int32Array[] = [];
    let scratch = new Int32Array(256);
    // Plain loops into one scratch buffer: this runs on the event loop while requests wait.
    for (const bought of this.#bought) {
      if (scratch.length < bought.length) scratch = new Int32Array(bought.length);
      let length = 0;
      for (const number of bought) {
        const index = position[number] as number;
        if (index >= 0) scratch[length++] = index;
      }
      if (length > 0) rows.push(scratch.slice(0, length));
    }
    return { items: chosen.map((number) => this.#names[number] as string), rows };
  }
}

/** {@link EaseTrainingRows} over histories held in memory. */
export function easeTrainingSet(
  customers: Iterable<CustomerHistory>,
  maxItems: number,
  eligible?: (item: string) => boolean,
): EaseTrainingSet {
  const rows = new EaseTrainingRows(eligible);
  for (const history of customers) rows.add(history.purchases.keys(), history.purchases.size);
  return rows.build(maxItems);
}
