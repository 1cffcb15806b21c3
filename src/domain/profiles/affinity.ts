import { copyRecord, ownValue } from '../shared/index.js';
import type { DecayedScore } from './profile.js';

/** How long it takes an affinity to halve when nothing refreshes it. */
export const AFFINITY_HALF_LIFE_MS = 30 * 86_400_000;
/** Affinities kept per profile and kind; the weakest go first. */
export const MAX_AFFINITIES = 50;

/** A score as it stands at `now`: halved for every half-life since it was last updated. */
export function decayedScore(entry: DecayedScore, now: number, halfLifeMs = AFFINITY_HALF_LIFE_MS): number {
  const elapsed = Math.max(0, now - entry.at);
  return entry.score * Math.pow(0.5, elapsed / halfLifeMs);
}

/**
 * Adds `weight` to `key` at time `at`. Events may arrive out of order: an older event adds its weight
 * already decayed to the entry's time, so the result does not depend on arrival order.
 */
export function addAffinity(
  affinities: Readonly<Record<string, DecayedScore>>,
  key: string,
  weight: number,
  at: number,
): Record<string, DecayedScore> {
  const next = copyRecord(affinities);
  addAffinityInPlace(next, key, weight, at);
  return next;
}

/**
 * {@link addAffinity} into `affinities` itself, a copy the caller owns (from `copyRecord`): an event
 * of several products, or of a product in several categories, copies each map once rather than
 * once per product and category.
 */
export function addAffinityInPlace(
  affinities: Record<string, DecayedScore>,
  key: string,
  weight: number,
  at: number,
): void {
  const current = ownValue(affinities, key);
  if (current === undefined) {
    affinities[key] = { score: weight, at };
    // Only a new key can take the map past its limit: a busy customer's maps are full, and scoring
    // all 50 entries on every event was most of an affinity's cost.
    dropWeakestBeyondLimit(affinities, at);
  } else if (at >= current.at) affinities[key] = { score: decayedScore(current, at) + weight, at };
  else
    affinities[key] = {
      score: current.score + decayedScore({ score: weight, at }, current.at),
      at: current.at,
    };
}

/** Sums two affinity maps (a profile merge), each entry brought to the later of the two times. */
export function mergeAffinities(
  a: Readonly<Record<string, DecayedScore>>,
  b: Readonly<Record<string, DecayedScore>>,
): Record<string, DecayedScore> {
  const merged = copyRecord(a);
  for (const [key, entry] of Object.entries(b)) addAffinityInPlace(merged, key, entry.score, entry.at);
  return merged;
}

/** The strongest affinities at `now`, scaled so the strongest is 1, rounded to 2 decimals. */
export function topAffinities(
  affinities: Readonly<Record<string, DecayedScore>>,
  now: number,
  limit = 10,
): { key: string; score: number }[] {
  const scored = Object.entries(affinities).map(([key, entry]) => ({ key, score: decayedScore(entry, now) }));
  const strongest = Math.max(0, ...scored.map((entry) => entry.score));
  if (strongest === 0) return [];
  return scored
    .sort((x, y) => y.score - x.score || (x.key < y.key ? -1 : 1))
    .slice(0, limit)
    .map((entry) => ({ key: entry.key, score: Math.round((entry.score / strongest) * 100) / 100 }));
}

/** Over the limit, deletes the weakest entry at `now` (the first of equals) from `affinities`, a copy the caller owns. */
function dropWeakestBeyondLimit(affinities: Record<string, DecayedScore>, now: number): void {
  const keys = Object.keys(affinities);
  if (keys.length <= MAX_AFFINITIES) return;
  let weakest = keys[0] as string;
  let lowest = decayedScore(affinities[weakest] as DecayedScore, now);
  for (const key of keys) {
    const score = decayedScore(affinities[key] as DecayedScore, now);
    if (score < lowest) {
      weakest = key;
      lowest = score;
    }
  }
  delete affinities[weakest];
}
