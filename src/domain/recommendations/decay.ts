/** A score that halves every half-life: kept as its value at one instant, decayed on read. */
export interface Decayed {
  readonly score: number;
  readonly at: number;
}

/** A score kept at the instant `at`, read at `now`. */
export function decayedScore(score: number, at: number, now: number, halfLifeMs: number): number {
  return score * Math.pow(2, (at - now) / halfLifeMs);
}

/** The score at `now`. */
export function decayedAt(value: Decayed | undefined, now: number, halfLifeMs: number): number {
  if (value === undefined) return 0;
  return decayedScore(value.score, value.at, now, halfLifeMs);
}

/**
 * A score kept at `instant` with `amount`, observed at `at`, added: kept at the later of the two
 * instants, so adding never depends on the order events arrive in.
 */
export function scoreWithAdded(
  score: number,
  instant: number,
  amount: number,
  at: number,
  halfLifeMs: number,
): number {
  if (at >= instant) return score * Math.pow(2, (instant - at) / halfLifeMs) + amount;
  return score + amount * Math.pow(2, (at - instant) / halfLifeMs);
}

/** Adds `amount`, observed at `at`, to a decayed score (see {@link scoreWithAdded}). */
export function addDecayed(
  value: Decayed | undefined,
  amount: number,
  at: number,
  halfLifeMs: number,
): Decayed {
  if (value === undefined) return { score: amount, at };
  return {
    score: scoreWithAdded(value.score, value.at, amount, at, halfLifeMs),
    at: at >= value.at ? at : value.at,
  };
}
