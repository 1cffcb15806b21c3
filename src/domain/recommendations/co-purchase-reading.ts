import { chooseEaseItems, TripleChunks, type EaseTrainingSet } from './ease-training-set.js';
import type { PairCounts } from './pair-counts.js';
import { PAUSE, type Pause } from './state-pause.js';

/**
 * What is read of the co-purchase counts to train EASE or to write a snapshot, by product id. The
 * arrays are the counts' own, live: a reader that pauses sees what was counted meanwhile.
 */
export interface CountsView {
  readonly names: readonly string[];
  readonly buyers: readonly number[];
  readonly followed: readonly boolean[];
  /** Each product's pairs with the products of a higher id, each pair once. */
  readonly pairs: readonly (PairCounts | undefined)[];
  readonly bornAt: readonly number[];
}

/**
 * One product of a snapshot of the counts: its buyers, its pairs with the products before it as
 * `[id, count, id, count, …]` (an id being a product's place in the snapshot's order), whether it
 * is followed, and when it was first seen.
 */
export type CoPurchaseRecord = [
  item: string,
  buyers: number,
  pairs: number[],
  followed: boolean,
  bornAt: number,
];

/** See {@link CoPurchaseCounts.trainingSetSteps}. */
export function* trainingSetSteps(
  view: CountsView,
  maxItems: number,
  pairsPerStep: number,
): Generator<void, EaseTrainingSet | undefined> {
  const { names, followed } = view;
  const { chosen, position } = chooseEaseItems(names, view.buyers, maxItems, (id) => followed[id] === true);
  const buyers = Int32Array.from(chosen, (id) => view.buyers[id] as number);
  const triples = new TripleChunks();
  let readSincePause = 0;
  for (const [row, id] of chosen.entries()) {
    const list = view.pairs[id];
    if (list === undefined) continue;
    list.forEach((other, count) => {
      // A product first bought during a pause has an id past `position`: not among the chosen.
      const column = other < position.length ? (position[other] as number) : -1;
      if (column >= 0) triples.add(row, column, count);
    });
    readSincePause += list.size;
    if (readSincePause >= pairsPerStep) {
      readSincePause = 0;
      yield;
    }
  }
  // A prune during a pause may have dropped the pairs of an item already read.
  if (chosen.some((id) => !followed[id])) return undefined;
  return { items: chosen.map((id) => names[id] as string), counts: { buyers, pairs: triples.chunks() } };
}

/** Pairs visited between two pauses while they are regrouped: about half a millisecond's work. */
const PAIRS_PER_PAUSE = 20_000;

/**
 * Every product in id order as a {@link CoPurchaseRecord}. Pairs are given under their higher id,
 * by the lower: a product's record names only products restored before it, so a restore gives each
 * product the next id and counts its pairs at once, and a snapshot holds numbers where it held a
 * name and a count in an array of their own for each pair (36 MB of JSON for the demo's 2.9
 * million pairs). Regrouping the pairs visits each twice before the first record (some 150 ms at
 * the demo, in one go until stop 52): it yields {@link PAUSE} every `pairsPerPause` pairs visited.
 * The counts must not change while the records are read.
 */
export function* coPurchaseRecords(
  view: CountsView,
  pairsPerPause = PAIRS_PER_PAUSE,
): Generator<CoPurchaseRecord | Pause> {
  const { names, followed } = view;
  const earlier = yield* PairsUnderHigherId.grouping(view.pairs, followed, pairsPerPause);
  for (const [id, item] of names.entries())
    yield [
      item,
      view.buyers[id] as number,
      earlier.of(id),
      followed[id] as boolean,
      view.bornAt[id] as number,
    ];
}

/**
 * The pairs of the tables (kept under their lower id) whose higher id is followed, regrouped under
 * the higher id: two typed arrays ordered by it, some 8 bytes a pair while a snapshot is written.
 */
class PairsUnderHigherId {
  private constructor(
    /** Where each higher id's pairs start in {@link lower} and {@link counts}; one more entry at the end. */
    private readonly starts: Int32Array,
    private readonly lower: Int32Array,
    private readonly counts: Int32Array,
  ) {}

  /** Groups the pairs in two passes over the tables, pausing every `pairsPerPause` pairs visited. */
  static *grouping(
    tables: readonly (PairCounts | undefined)[],
    followed: readonly boolean[],
    pairsPerPause: number,
  ): Generator<Pause, PairsUnderHigherId> {
    let visited = 0;
    const starts = new Int32Array(tables.length + 1);
    for (const table of tables) {
      if (table === undefined) continue;
      table.forEach((higher) => {
        if (followed[higher] === true) starts[higher + 1] = (starts[higher + 1] as number) + 1;
      });
      visited += table.size;
      if (visited >= pairsPerPause) {
        visited = 0;
        yield PAUSE;
      }
    }
    for (let id = 0; id < tables.length; id += 1)
      starts[id + 1] = (starts[id + 1] as number) + (starts[id] as number);
    const total = starts[tables.length] as number;
    const lower = new Int32Array(total);
    const counts = new Int32Array(total);
    const next = starts.slice(0, tables.length);
    for (const [low, table] of tables.entries()) {
      if (table === undefined) continue;
      table.forEach((higher, count) => {
        if (followed[higher] !== true) return;
        const at = next[higher] as number;
        next[higher] = at + 1;
        lower[at] = low;
        counts[at] = count;
      });
      visited += table.size;
      if (visited >= pairsPerPause) {
        visited = 0;
        yield PAUSE;
      }
    }
    return new PairsUnderHigherId(starts, lower, counts);
  }

  /** `id`'s pairs with lower ids, as `[lower, count, lower, count, …]`. */
  of(id: number): number[] {
    const pairs: number[] = [];
    for (let at = this.starts[id] as number; at < (this.starts[id + 1] as number); at += 1)
      pairs.push(this.lower[at] as number, this.counts[at] as number);
    return pairs;
  }
}
