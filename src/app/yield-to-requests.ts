import type { GiveWay } from '../ports/store.js';

export type { GiveWay };

/**
 * The shortest slice, ms. A request that arrives during a slice waits for the rest of it: on the
 * demo store, requests during a rebuild had a p99 of 19-20 ms with slices of at least 8 ms and
 * 15-17 ms with 4, the rebuild taking as long (the turns between slices cost some microseconds).
 */
const MIN_SLICE_MS = 4;

/** Lets requests waiting on the event loop go first. */
export const yieldToRequests = () => new Promise((resolve) => setImmediate(resolve));

export interface FairSliceOptions {
  /** The shortest slice, ms: what the work gets on a quiet node. */
  readonly minMs?: number;
  /** The longest slice, ms: the most the work adds to a request's wait. */
  readonly maxMs?: number;
  /** A slice lasts this share of how long the others' turn took, when that is longer than `minMs`. */
  readonly share?: number;
  readonly now?: () => number;
  readonly yieldTo?: () => Promise<unknown>;
}

/**
 * Slices of background work that take turns with the rest of the event loop fairly. With a fixed
 * slice of 8 ms, a snapshot read on a node ingesting at full rate (each turn of the others ~90 ms)
 * got a tenth of the loop and held the model still for minutes; here a slice lasts half the others'
 * last turn, between `minMs` and `maxMs`, so the work keeps pace under load, while a quiet node
 * still sees slices of `minMs`. Each slice adds at most `maxMs` to a request's wait (each of several
 * such works running at once counts the others' slices among the others' turn).
 *
 * Use: `if (slices.due) await slices.giveWay();` after each piece of work (no await when not due).
 */
export class FairSlices {
  readonly #minMs: number;
  readonly #maxMs: number;
  readonly #share: number;
  readonly #now: () => number;
  readonly #yieldTo: () => Promise<unknown>;
  #sliceMs: number;
  #startedAt: number;

  constructor(options: FairSliceOptions = {}) {
    this.#minMs = options.minMs ?? MIN_SLICE_MS;
    this.#maxMs = options.maxMs ?? 40;
    this.#share = options.share ?? 0.5;
    this.#now = options.now ?? (() => performance.now());
    this.#yieldTo = options.yieldTo ?? yieldToRequests;
    this.#sliceMs = this.#minMs;
    this.#startedAt = this.#now();
  }

  /** How long the current slice may run, ms. */
  get sliceMs(): number {
    return this.#sliceMs;
  }

  /** True once the current slice is spent: time for {@link giveWay}. */
  get due(): boolean {
    return this.#now() - this.#startedAt >= this.#sliceMs;
  }

  /** Gives the others their turn, and sizes the next slice by how long they took. */
  async giveWay(): Promise<void> {
    const yieldedAt = this.#now();
    await this.#yieldTo();
    this.#startedAt = this.#now();
    const othersMs = this.#startedAt - yieldedAt;
    this.#sliceMs = Math.min(this.#maxMs, Math.max(this.#minMs, othersMs * this.#share));
  }
}

/** A {@link GiveWay} for work sliced by `slices`. */
export function giveWayBy(slices: FairSlices): GiveWay {
  return () => (slices.due ? slices.giveWay() : undefined);
}

/** Awaits `giveWay` when it asks to give way. */
export async function giveWayIfDue(giveWay: GiveWay | undefined): Promise<void> {
  const waiting = giveWay?.();
  if (waiting !== undefined) await waiting;
}
