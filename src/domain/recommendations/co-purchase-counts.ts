import {
  coPurchaseRecords,
  trainingSetSteps,
  type CoPurchaseRecord,
  type CountsView,
} from './co-purchase-reading.js';
import type { EaseTrainingSet } from './ease-training-set.js';
import { slowestToDrop, type PruneView } from './co-purchase-pruning.js';
import { GrowingListIds } from './growing-list-ids.js';
import { PairCounts } from './pair-counts.js';
import type { Pause } from './state-pause.js';

/**
 * Pairs counted at most: some 25 bytes each, 75 MiB at the bound. Sized for EASE's default 2,000
 * items, whose pairs are nearly all bought together by someone in a large shop (n²/2, 2 million),
 * with room for the items that may yet climb among them. On the scale benchmark's shop at L (3M
 * events, 50,000 products) the followed items gave 1,950 of the 2,000 most bought, the rest bought
 * by as many customers but one (25 against 26); with a bound of 2 million, EASE covered only 1,776
 * items (stop 29, by buyers alone). A busy customer's thousands of distinct products make millions of pairs on their own:
 * every pair bought by one customer at L is 78 million.
 */
export const MAX_CO_PURCHASE_PAIRS = 3_000_000;

/** What the pairs are brought down to when they pass the bound, so that a prune is rare. */
const PRUNED_SHARE = 0.75;

/** Slots per key under which a pruned item's table is rebuilt smaller, so that a prune frees memory. */
const SPARSE_TABLE = 5;

/** Table slots a purchase reads of a prune's sweep (see `#sweep`): some tens of µs. */
const SWEPT_PER_PURCHASE = 8_192;

/**
 * How many customers bought each item, and each pair of items (a customer counts once however
 * often they bought): EASE's Gram matrix XᵀX, kept as purchases are learnt so that EASE trains
 * from it without reading every customer's history back from the log.
 *
 * Buyers are counted for every item. Pairs are counted for the items *followed*: every item from
 * its first purchase, until the pairs pass their bound; then the items with the fewest buyers are
 * no longer followed (their pairs are dropped and never counted again) until the pairs are back
 * to three quarters of it. EASE covers the most bought of the
 * followed items, from the counts or from the histories alike, so memory stays bounded by the
 * bound, not by the customers, the events or the catalogue squared. Which items are followed
 * depends only on the purchases learnt and their order, so a replay of the log follows the same
 * (and a rebuild from the log drops the same items again: a dropped item is dropped for good).
 *
 * So that a product launched lately is not judged by the few buyers it had time for, a prune
 * compares how fast items were bought since they were first seen ({@link slowestToDrop}): for the items
 * seen from the start that is their buyers, as before. An item with no pairs frees nothing and is
 * never dropped.
 */
export class CoPurchaseCounts {
  /**
   * False once the counts may differ from what every customer's history gives (something was
   * learnt that they cannot follow, or they were restored from a snapshot without them): EASE is
   * then trained from the histories instead, until a rebuild from the log counts afresh.
   */
  exact = true;
  /** False for a model restored from a snapshot that held no counts: see {@link keepNone}. */
  #kept = true;
  readonly #ids = new Map<string, number>();
  readonly #names: string[] = [];
  readonly #buyers: number[] = [];
  /** For each product, whether its pairs have been counted since its first purchase. */
  readonly #followed: boolean[] = [];
  /** For each product, its pairs with products of a higher id, each pair once. */
  readonly #pairs: (PairCounts | undefined)[] = [];
  /** For each product, the pairs it is part of (what dropping it frees). */
  readonly #degree: number[] = [];
  /** For each product, {@link #learnt} when it was first seen: how long it has had to sell. */
  readonly #bornAt: number[] = [];
  #pairCount = 0;
  /** The ids of the customer's items {@link addFirst} was given last (ids change only at {@link clear}). */
  readonly #earlierIds = new GrowingListIds((item) => this.#idOf(item));
  /** Where the last prune's sweep is to go on from; undefined when it is done. */
  #sweepFrom: number | undefined;
  /** First purchases learnt (a customer's first of an item): the clock items' ages are read on. */
  #learnt = 0;

  /** `sweptPerPurchase`: table slots a purchase reads of a prune's sweep (smaller in tests). */
  constructor(
    private readonly maxPairs = MAX_CO_PURCHASE_PAIRS,
    private readonly sweptPerPurchase = SWEPT_PER_PURCHASE,
  ) {}

  /**
   * Counts nothing from now on, until {@link clear}: for a model restored from a snapshot that held
   * no counts (one written before them, or after an older node gave them up). Counted from there,
   * the products bought before it would have no buyers and be the first a prune drops, for good;
   * kept as none, every item is followed and EASE trains from the histories, until a rebuild.
   */
  keepNone(): void {
    this.clear();
    this.exact = false;
    this.#kept = false;
  }

  /** False after {@link keepNone}. */
  get kept(): boolean {
    return this.#kept;
  }

  /** A customer's first purchase of `item`, after `earlier`: their items so far, a list that only grows. */
  addFirst(item: string, earlier: readonly string[]): void {
    if (!this.#kept) return;
    this.#learnt += 1;
    this.#sweep(this.sweptPerPurchase);
    const id = this.#idOf(item);
    this.#buyers[id] = (this.#buyers[id] as number) + 1;
    if (!this.#followed[id]) return;
    for (const other of this.#earlierIds.of(earlier)) {
      this.#addPair(id, other, 1);
      if (!this.#followed[id]) return;
    }
  }

  /** Adds (`sign` 1) or takes away (−1) a whole customer's items: a merge of two customers. */
  addCustomer(items: readonly string[], sign: 1 | -1): void {
    if (!this.#kept) return;
    if (sign === 1) this.#learnt += items.length;
    this.#sweep(this.sweptPerPurchase);
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

  /** Whether `item`'s pairs are counted (an unseen item would be, from its first purchase). */
  follows(item: string): boolean {
    const id = this.#ids.get(item);
    return id === undefined || (this.#followed[id] as boolean);
  }

  /**
   * EASE's training set: the `maxItems` followed items bought by the most customers (at least two;
   * equal counts by name), as {@link EaseTrainingRows.build} picks them given {@link follows}, with
   * their counts; undefined when a prune while the steps paused dropped one of them.
   */
  trainingSet(maxItems: number): EaseTrainingSet | undefined {
    const steps = this.trainingSetSteps(maxItems, Number.POSITIVE_INFINITY);
    for (let step = steps.next(); ; step = steps.next()) if (step.done === true) return step.value;
  }

  /**
   * {@link trainingSet} in steps, pausing once `pairsPerStep` pairs were read since the last pause
   * (between two items: the most bought have thousands, the least a handful), so that a caller on
   * the event loop can serve requests between them (at S: 800,000 pairs, most of a second in one
   * go). Pairs counted during a pause are read as they stand then, as a read of every history from
   * the log reads each customer as they stand when read.
   */
  *trainingSetSteps(maxItems: number, pairsPerStep: number): Generator<void, EaseTrainingSet | undefined> {
    return yield* trainingSetSteps(this.#view(), maxItems, pairsPerStep);
  }

  /** First purchases learnt: what {@link state}'s `bornAt` is measured on; restored with {@link restoreLearnt}. */
  get learnt(): number {
    return this.#learnt;
  }

  /** Every product in id order, as a {@link CoPurchaseRecord} (pausing first): what a snapshot keeps. */
  state(pairsPerPause?: number): Generator<CoPurchaseRecord | Pause> {
    return coPurchaseRecords(this.#view(), pairsPerPause);
  }

  /** Puts back {@link learnt} as {@link state} was read (before or after its items). */
  restoreLearnt(learnt: number): void {
    this.#learnt = learnt;
  }

  /**
   * Puts back one product of {@link state}, in the order `state` gave them. False, with nothing
   * changed, for a record that cannot be the next: its product was put back already, or a pair
   * names no product before it.
   */
  restoreItem(...[item, buyers, pairs, followed, bornAt]: CoPurchaseRecord): boolean {
    const id = this.#names.length;
    if (this.#ids.has(item) || pairs.length % 2 !== 0) return false;
    for (let at = 0; at < pairs.length; at += 2) {
      const other = pairs[at] as number;
      if (!Number.isInteger(other) || other < 0 || other >= id) return false;
    }
    this.#restoreCounts(this.#idOf(item), buyers, followed, bornAt);
    for (let at = 0; at < pairs.length; at += 2)
      this.#addPair(id, pairs[at] as number, pairs[at + 1] as number);
    return true;
  }

  /**
   * {@link restoreItem} for a snapshot written before stop 51, whose pairs name the products after
   * it (and which may give no `bornAt`: the product is then taken as seen from the start).
   */
  restoreNamedItem(
    item: string,
    buyers: number,
    pairs: readonly (readonly [string, number])[],
    followed = true,
    bornAt = 0,
  ): void {
    const id = this.#idOf(item);
    this.#restoreCounts(id, buyers, followed, bornAt);
    for (const [other, count] of pairs) this.#addPair(id, this.#idOf(other), count);
  }

  #restoreCounts(id: number, buyers: number, followed: boolean, bornAt: number): void {
    this.#buyers[id] = buyers;
    this.#bornAt[id] = bornAt;
    if (!followed) this.#followed[id] = false;
  }

  clear(): void {
    this.#ids.clear();
    this.#names.length = 0;
    this.#buyers.length = 0;
    this.#followed.length = 0;
    this.#pairs.length = 0;
    this.#degree.length = 0;
    this.#bornAt.length = 0;
    this.#pairCount = 0;
    this.#sweepFrom = undefined;
    this.#earlierIds.forget();
    this.#learnt = 0;
    this.exact = true;
    this.#kept = true;
  }

  #idOf(item: string): number {
    let id = this.#ids.get(item);
    if (id === undefined) {
      id = this.#names.length;
      this.#ids.set(item, id);
      this.#names.push(item);
      this.#buyers.push(0);
      // Never bought before: nothing of its pairs was missed.
      this.#followed.push(true);
      this.#pairs.push(undefined);
      this.#degree.push(0);
      this.#bornAt.push(this.#learnt);
    }
    return id;
  }

  #addPair(a: number, b: number, count: number): void {
    if (a === b || !this.#followed[a] || !this.#followed[b]) return;
    // Not `[low, high] = a < b ? [a, b] : [b, a]`: V8 allocated that array for each of the some 24
    // million pairs the demo's orders visit, two fifths of the time the counting took.
    const low = a < b ? a : b;
    const high = a < b ? b : a;
    let list = this.#pairs[low];
    if (list === undefined) this.#pairs[low] = list = new PairCounts();
    const change = list.add(high, count);
    if (change === 0) return;
    this.#pairCount += change;
    this.#degree[low] = (this.#degree[low] as number) + change;
    this.#degree[high] = (this.#degree[high] as number) + change;
    if (this.#pairCount > this.maxPairs) this.#prune();
  }

  /**
   * Past the bound: stops following the items {@link slowestToDrop} names, until the pairs come to
   * {@link PRUNED_SHARE} of the bound. The counts are exact at once: the pairs freed are counted,
   * and the lists of the dropped items let go, here; their pairs in the lists of items still
   * followed are taken out a few at a time after each purchase ({@link #sweep}). One pass over every
   * pair in the purchase that passed the bound: the longest purchase learnt at M and L went from
   * 116–125 ms to 30–43 ms (the choice's sort, and garbage collection).
   */
  #prune(): void {
    // Degrees are exact once the last prune's sweep is done: the choice below reads them.
    this.#sweep(Number.POSITIVE_INFINITY);
    const dropped = slowestToDrop(
      this.#pruneView(),
      this.#pairCount - Math.floor(this.maxPairs * PRUNED_SHARE),
    );
    for (const id of dropped) this.#followed[id] = false;
    let freed = 0;
    for (const id of dropped) freed += this.#degree[id] as number;
    for (const low of dropped) {
      this.#pairs[low]?.forEach((high) => {
        // A pair of two dropped items was counted twice above.
        if (!this.#followed[high]) freed -= 1;
        else this.#degree[high] = (this.#degree[high] as number) - 1;
      });
      this.#pairs[low] = undefined;
    }
    for (const id of dropped) this.#degree[id] = 0;
    this.#pairCount -= freed;
    this.#sweepFrom = 0;
  }

  /**
   * Takes the pairs of items no longer followed out of the lists of the items still followed, from
   * where the last call stopped, until `slots` table slots are read (or every list, when infinite).
   * Until then they are skipped wherever the lists are read.
   */
  #sweep(slots: number): void {
    let left = slots;
    let low = this.#sweepFrom;
    if (low === undefined) return;
    for (; low < this.#pairs.length && left > 0; low += 1) {
      const list = this.#pairs[low];
      if (list === undefined) continue;
      left -= list.capacity;
      for (const high of list.keysWhere((key) => !this.#followed[key])) {
        list.delete(high);
        this.#degree[low] = (this.#degree[low] as number) - 1;
      }
      if (list.size === 0) this.#pairs[low] = undefined;
      else list.shrinkIfSparse(SPARSE_TABLE);
    }
    this.#sweepFrom = low < this.#pairs.length ? low : undefined;
  }

  #view(): CountsView {
    return {
      names: this.#names,
      buyers: this.#buyers,
      followed: this.#followed,
      pairs: this.#pairs,
      bornAt: this.#bornAt,
    };
  }

  #pruneView(): PruneView {
    return {
      names: this.#names,
      buyers: this.#buyers,
      followed: this.#followed,
      degree: this.#degree,
      bornAt: this.#bornAt,
      learnt: this.#learnt,
    };
  }
}
