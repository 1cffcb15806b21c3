/** A score that halves every half-life: kept as its value at one instant, decayed on read. */
export interface Decayed {
  readonly score: number;
  readonly at: number;
}

/** The score at `now`. */
export function decayedAt(value: Decayed | undefined, now: number, halfLifeMs: number): number {
  if (value === undefined) return 0;
  return value.score * Math.pow(2, (value.at - now) / halfLifeMs);
}

/**
 * Adds `amount`, observed at `at`, to a decayed score. Events may arrive out of order: the score is
 * kept at the later of the two instants, so adding never depends on arrival order.
 */
export function addDecayed(
  value: Decayed | undefined,
  amount: number,
  at: number,
  halfLifeMs: number,
): Decayed {
  if (value === undefined) return { score: amount, at };
  if (at >= value.at) return { score: value.score * Math.pow(2, (value.at - at) / halfLifeMs) + amount, at };
  return { score: value.score + amount * Math.pow(2, (at - value.at) / halfLifeMs), at: value.at };
}
