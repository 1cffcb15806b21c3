import { DecayedCounts } from './decayed-counts.js';

/** How long popularity and trends remember. */
export interface PopularityHalfLives {
  /** `popular`: what sells over weeks. */
  readonly longMs: number;
  /** `trending`: what sells now. */
  readonly shortMs: number;
}

export const DEFAULT_HALF_LIVES: PopularityHalfLives = { longMs: 30 * 86_400_000, shortMs: 3 * 86_400_000 };

/**
 * The scope counting customers' first purchases of each item (once per customer and item, whatever
 * the quantity or the orders): what customers are discovering, which predicts what others will
 * try next far better than what sells overall (R1, task new).
 */
export const DISCOVERIES = 'discoveries';

/** `popular` reads the long memory, `recent` the short one, `trending` the short against the long. */
export type PopularityKind = 'popular' | 'recent' | 'trending';

const DAY_MS = 86_400_000;

/**
 * A decayed count with half-life h holds about rate × h / ln 2 of a steady stream, so count × ln 2 / h
 * is the rate it saw. `trending` scores the short memory's rate above the long one's, per day:
 * "3.5" is three and a half weighted interactions a day more than the item's usual rate.
 */
function excessDailyRate(short: number, long: number, halfLives: PopularityHalfLives): number {
  return (short / halfLives.shortMs - long / halfLives.longMs) * Math.LN2 * DAY_MS;
}

/** How long a computed top list is reused: popularity moves in minutes, not per request. */
const TOP_LIST_MS = 5_000;

/**
 * Decayed popularity per scope (`all`, `country:fr`, `segment:vip`), with two memories: a long one
 * for `popular` and a short one that, against the long, gives the velocity `trending` ranks by.
 */
export class Popularity {
  readonly #scopes = new Map<string, DecayedCounts>();
  readonly #tops = new Map<string, { at: number; list: [string, number][]; complete: boolean }>();

  constructor(private readonly halfLives: PopularityHalfLives = DEFAULT_HALF_LIVES) {}

  add(scope: string, item: string, weight: number, at: number): void {
    this.#scope(scope).add(item, weight, at);
  }

  /** The item's popularity in a scope at `now` (0 when unseen). */
  score(scope: string, item: string, now: number): number {
    return this.#scopes.get(scope)?.long(item, now) ?? 0;
  }

  /**
   * Items by popularity over weeks (`popular`) or days (`recent`), or by velocity (`trending`: the
   * recent daily rate above the long-run rate; a steady seller scores zero), best first.
   */
  top(scope: string, kind: PopularityKind, now: number, limit: number): [string, number][] {
    const key = `${kind}|${scope}`;
    const cached = this.#tops.get(key);
    if (
      cached !== undefined &&
      Math.abs(now - cached.at) < TOP_LIST_MS &&
      (cached.complete || cached.list.length >= limit)
    ) {
      return cached.list.slice(0, limit);
    }
    const items = this.#scopes.get(scope);
    if (items === undefined) return [];
    const scored: [string, number][] = [];
    for (const [item, long, short] of items.at(now)) {
      const score =
        kind === 'popular' ? long : kind === 'recent' ? short : excessDailyRate(short, long, this.halfLives);
      if (score > 0) scored.push([item, score]);
    }
    scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const list = scored.slice(0, Math.max(limit, 500));
    this.#tops.set(key, { at: now, list, complete: list.length === scored.length });
    return list.slice(0, limit);
  }

  /** Every scope's items as `[item, long score, at, short score, at]`, in the order first counted. */
  *state(): Generator<[scope: string, items: [string, number, number, number, number][]]> {
    for (const [scope, items] of this.#scopes) {
      yield [scope, [...items.rows()]];
    }
  }

  /** Puts back items of {@link state} (a scope may come in several parts, in order). */
  restoreItems(scope: string, rows: readonly (readonly [string, number, number, number, number])[]): void {
    const items = this.#scope(scope);
    for (const [item, longScore, longAt, shortScore, shortAt] of rows)
      items.set(item, longScore, longAt, shortScore, shortAt);
  }

  /** Drops every count (a rebuild replays the events that remain). */
  clear(): void {
    this.#scopes.clear();
    this.#tops.clear();
  }

  #scope(scope: string): DecayedCounts {
    let items = this.#scopes.get(scope);
    if (items === undefined)
      this.#scopes.set(scope, (items = new DecayedCounts(this.halfLives.longMs, this.halfLives.shortMs)));
    return items;
  }
}
