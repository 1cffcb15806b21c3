import { nthSmallestInPlace } from '../shared/index.js';
import type { ScoredProduct } from './scored-product.js';

/** Items a blend scores densely (EASE's), by position. */
export interface Universe {
  readonly items: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

const NO_UNIVERSE: Universe = { items: [], index: new Map() };

type Reason = (item: string) => string;

/** A blend component: scores by item, as pairs or as a map. */
export type Component = Iterable<readonly [string, number]> | ReadonlyMap<string, number>;

type ScoreReader = (visit: (item: string, score: number) => void) => void;

/**
 * A reader of the component's scores that may be called more than once: a map or a list is read
 * in place; any other iterable (read once only) is copied first.
 */
function readTwice(component: Component): ScoreReader {
  if (component instanceof Map) {
    const scores = component as ReadonlyMap<string, number>;
    return (visit) => scores.forEach((score, item) => visit(item, score));
  }
  const list = Array.isArray(component)
    ? (component as readonly (readonly [string, number])[])
    : [...(component as Iterable<readonly [string, number]>)];
  return (visit) => {
    for (let i = 0; i < list.length; i += 1) {
      const entry = list[i] as readonly [string, number];
      visit(entry[0], entry[1]);
    }
  };
}

/**
 * Where {@link Blend.ranked} gathers the scores it cuts at: grown when a larger blend comes, kept
 * between calls (a request ranks a blend of EASE's 2,000 items or more, and this was 16 KB of
 * garbage each time).
 */
let gathered = new Float64Array(4_096);

/**
 * Blended scores: each item's total and the component that said most for it (its reason). Items of
 * the universe live in typed arrays, so a 2,000-item EASE component costs no map entries and no
 * sort; any other item lives in a map.
 */
export class Blend {
  readonly #reasons: Reason[] = [];
  readonly #total: Float64Array;
  readonly #top: Float64Array;
  readonly #why: Int16Array;
  readonly #excluded: Uint8Array;
  readonly #others = new Map<string, { score: number; top: number; why: number }>();

  constructor(private readonly universe: Universe = NO_UNIVERSE) {
    const n = universe.items.length;
    this.#total = new Float64Array(n);
    this.#top = new Float64Array(n);
    this.#why = new Int16Array(n).fill(-1);
    this.#excluded = new Uint8Array(n);
  }

  /** Adds a component over the universe (by position), scaled so its best item scores `weight`. */
  addDense(values: ArrayLike<number>, weight: number, reason: Reason): void {
    if (weight === 0) return;
    let best = 0;
    for (let i = 0; i < values.length; i += 1) if ((values[i] as number) > best) best = values[i] as number;
    if (best === 0) return;
    const why = this.#reasons.push(reason) - 1;
    const scale = weight / best;
    for (let i = 0; i < values.length; i += 1) {
      const value = values[i] as number;
      if (value > 0) this.#credit(i, value * scale, why);
    }
  }

  /**
   * Adds a component given as (item, score) pairs (a list, or a map of scores), scaled so its best
   * item scores `weight`. A list or a map is read twice in place: copying its entries, and a map's
   * iterator making a pair for each, were a fifth of what a `cart-complements` request allocated.
   */
  add(component: Component, weight: number, reason: Reason): void {
    if (weight === 0) return;
    const scores = readTwice(component);
    let best = 0;
    scores((_item, score) => {
      if (score > best) best = score;
    });
    if (best === 0) return;
    const why = this.#reasons.push(reason) - 1;
    scores((item, score) => {
      if (score > 0) this.#creditItem(item, (weight * score) / best, why);
    });
  }

  /** Leaves these items out of the ranking (cheaper than letting the rules drop them later). */
  exclude(items: Iterable<string>): void {
    for (const item of items) {
      const position = this.universe.index.get(item);
      if (position !== undefined) this.#excluded[position] = 1;
      else this.#others.delete(item);
    }
  }

  get size(): number {
    let size = this.#others.size;
    for (let i = 0; i < this.#why.length; i += 1)
      if (this.#why[i] !== -1 && this.#excluded[i] === 0) size += 1;
    return size;
  }

  /**
   * The best `limit` candidates, their reasons worked out for these only. The cut-off score is
   * selected from the scores gathered in a scratch array (no sort of them all), so only the few
   * kept are sorted with their ids.
   */
  ranked(limit: number): ScoredProduct[] {
    const n = this.#total.length;
    if (gathered.length < n + this.#others.size) gathered = new Float64Array((n + this.#others.size) * 2);
    let count = 0;
    for (let i = 0; i < n; i += 1)
      if (this.#why[i] !== -1 && this.#excluded[i] === 0) gathered[count++] = this.#total[i] as number;
    this.#others.forEach((entry) => {
      gathered[count++] = entry.score;
    });
    const cutoff = count > limit ? nthSmallestInPlace(gathered, count, count - limit) : -Infinity;
    // Each candidate gets its component's reason itself, shared: a closure made here would keep the
    // blend's arrays alive as long as the candidate (for-you keeps candidates per customer for seconds).
    const reasons = this.#reasons;
    const kept: ScoredProduct[] = [];
    for (let i = 0; i < n; i += 1) {
      const score = this.#total[i] as number;
      if (this.#why[i] !== -1 && this.#excluded[i] === 0 && score >= cutoff)
        kept.push({
          productId: this.universe.items[i] as string,
          score,
          reason: reasons[this.#why[i] as number] as Reason,
        });
    }
    this.#others.forEach((entry, productId) => {
      if (entry.score >= cutoff)
        kept.push({ productId, score: entry.score, reason: reasons[entry.why] as Reason });
    });
    // Sorted and cut in place: ties at the cut-off may have kept a few more than `limit`.
    kept.sort((a, b) => b.score - a.score || (a.productId < b.productId ? -1 : 1));
    if (kept.length > limit) kept.length = limit;
    return kept;
  }

  #creditItem(item: string, scaled: number, why: number): void {
    const position = this.universe.index.get(item);
    if (position !== undefined) {
      this.#credit(position, scaled, why);
      return;
    }
    const current = this.#others.get(item);
    if (current === undefined) this.#others.set(item, { score: scaled, top: scaled, why });
    else {
      current.score += scaled;
      if (scaled > current.top) {
        current.top = scaled;
        current.why = why;
      }
    }
  }

  #credit(position: number, scaled: number, why: number): void {
    this.#total[position] = (this.#total[position] as number) + scaled;
    if (this.#why[position] === -1 || scaled > (this.#top[position] as number)) {
      this.#top[position] = scaled;
      this.#why[position] = why;
    }
  }
}
