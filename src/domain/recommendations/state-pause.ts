/**
 * Yielded by a generator of state records where it has more to do before its next record (the
 * co-purchase pairs regrouped for a snapshot: millions of them), so the reader can give way to
 * requests there. Not a record: a writer skips it, and a restore takes nothing from it.
 */
export const PAUSE: unique symbol = Symbol('pause');

export type Pause = typeof PAUSE;
