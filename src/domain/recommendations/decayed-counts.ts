import { decayedScore, scoreWithAdded } from './decay.js';

/** Doubles kept per item: the long memory's score and instant, then the short memory's. */
const FIELDS = 4;
const LONG_SCORE = 0;
const LONG_AT = 1;
const SHORT_SCORE = 2;
const SHORT_AT = 3;

/**
 * One scope's items, each with two decayed counts (a long memory and a short one), in the order
 * first counted: an index per item into one array of doubles. What {@link addDecayed} does to
 * an object, done in place, in the same arithmetic, so the scores are the same to the last bit.
 *
 * Objects did the same at some 220 bytes an item on a 2M-event history (the item's object, one
 * per memory and a boxed number per field, all made again at every event); these take 32 bytes
 * an item outside the garbage-collected heap, and counting allocates nothing.
 */
export class DecayedCounts {
  readonly #slots = new Map<string, number>();
  #values = new Float64Array(FIELDS * 16);

  constructor(
    private readonly longMs: number,
    private readonly shortMs: number,
  ) {}

  get size(): number {
    return this.#slots.size;
  }

  /** Adds `weight`, observed at `at`, to both memories of `item`. */
  add(item: string, weight: number, at: number): void {
    const slot = this.#slots.get(item);
    if (slot === undefined) {
      this.set(item, weight, at, weight, at);
      return;
    }
    const values = this.#values;
    const base = slot * FIELDS;
    this.#addTo(values, base + LONG_SCORE, base + LONG_AT, weight, at, this.longMs);
    this.#addTo(values, base + SHORT_SCORE, base + SHORT_AT, weight, at, this.shortMs);
  }

  /** Sets both memories of `item` (restoring saved counts); a new item goes last. */
  set(item: string, longScore: number, longAt: number, shortScore: number, shortAt: number): void {
    let slot = this.#slots.get(item);
    if (slot === undefined) {
      slot = this.#slots.size;
      this.#slots.set(item, slot);
      this.#fit(slot + 1);
    }
    const base = slot * FIELDS;
    this.#values[base + LONG_SCORE] = longScore;
    this.#values[base + LONG_AT] = longAt;
    this.#values[base + SHORT_SCORE] = shortScore;
    this.#values[base + SHORT_AT] = shortAt;
  }

  /** The long memory of `item` at `now` (0 when unseen). */
  long(item: string, now: number): number {
    const slot = this.#slots.get(item);
    if (slot === undefined) return 0;
    const base = slot * FIELDS;
    return decayedScore(
      this.#values[base + LONG_SCORE] as number,
      this.#values[base + LONG_AT] as number,
      now,
      this.longMs,
    );
  }

  /** Every item with its long and short memories at `now`, in the order first counted. */
  *at(now: number): Generator<[item: string, long: number, short: number]> {
    const values = this.#values;
    for (const [item, slot] of this.#slots) {
      const base = slot * FIELDS;
      yield [
        item,
        decayedScore(values[base + LONG_SCORE] as number, values[base + LONG_AT] as number, now, this.longMs),
        decayedScore(
          values[base + SHORT_SCORE] as number,
          values[base + SHORT_AT] as number,
          now,
          this.shortMs,
        ),
      ];
    }
  }

  /** Every item as `[item, long score, at, short score, at]`, in the order first counted. */
  *rows(): Generator<[string, number, number, number, number]> {
    const values = this.#values;
    for (const [item, slot] of this.#slots) {
      const base = slot * FIELDS;
      yield [
        item,
        values[base + LONG_SCORE] as number,
        values[base + LONG_AT] as number,
        values[base + SHORT_SCORE] as number,
        values[base + SHORT_AT] as number,
      ];
    }
  }

  /** {@link scoreWithAdded} in place, the instant moved to the later of the two. */
  #addTo(
    values: Float64Array,
    scoreAt: number,
    instantAt: number,
    amount: number,
    at: number,
    halfLifeMs: number,
  ): void {
    const instant = values[instantAt] as number;
    values[scoreAt] = scoreWithAdded(values[scoreAt] as number, instant, amount, at, halfLifeMs);
    if (at >= instant) values[instantAt] = at;
  }

  /** Grows the array (doubling) until it holds `items`. */
  #fit(items: number): void {
    if (items * FIELDS <= this.#values.length) return;
    const grown = new Float64Array(Math.max(items * FIELDS, this.#values.length * 2));
    grown.set(this.#values);
    this.#values = grown;
  }
}
