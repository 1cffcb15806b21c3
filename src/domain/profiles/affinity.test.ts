import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAffinity, decayedScore, MAX_AFFINITIES } from './affinity.js';
import type { DecayedScore } from './profile.js';

const day = 86_400_000;

describe('addAffinity', () => {
  it('keeps at most the limit, dropping the weakest at the time of the new entry, and leaves its input alone', () => {
    let drops = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.noBias(fc.integer({ min: 0, max: 80 })), fc.integer({ min: 1, max: 9 }), fc.nat(400)),
          {
            minLength: 60,
            maxLength: 300,
          },
        ),
        (updates) => {
          let affinities: Record<string, DecayedScore> = {};
          for (const [key, weight, days] of updates) {
            const before = affinities;
            const frozen = JSON.stringify(before);
            const at = days * day;
            affinities = addAffinity(before, `k${key}`, weight, at);
            expect(JSON.stringify(before)).toBe(frozen);
            expect(Object.keys(affinities).length).toBeLessThanOrEqual(MAX_AFFINITIES);
            const grew = before[`k${key}`] === undefined;
            if (grew && Object.keys(before).length === MAX_AFFINITIES) {
              // Exactly one entry left: the weakest of all candidates at `at`.
              const candidates = { ...before, [`k${key}`]: affinities[`k${key}`] ?? { score: weight, at } };
              const gone = Object.keys(candidates).filter((name) => !(name in affinities));
              expect(gone).toHaveLength(1);
              drops += 1;
              const goneScore = decayedScore(candidates[gone[0] as string] as DecayedScore, at);
              for (const entry of Object.values(affinities))
                expect(decayedScore(entry, at)).toBeGreaterThanOrEqual(goneScore);
            }
          }
        },
      ),
    );
    // The case that matters was reached, not only the easy ones.
    expect(drops).toBeGreaterThan(0);
  });

  it('gives the same scores whatever order the events arrive in', () => {
    const events: [string, number, number][] = [
      ['home', 3, 10 * day],
      ['home', 1, 2 * day],
      ['garden', 8, 5 * day],
      ['home', 8, 7 * day],
    ];
    const none: Record<string, DecayedScore> = {};
    const inOrder = events.reduce((map, [key, weight, at]) => addAffinity(map, key, weight, at), none);
    const reversed = [...events]
      .reverse()
      .reduce((map, [key, weight, at]) => addAffinity(map, key, weight, at), none);
    for (const key of ['home', 'garden'])
      expect(decayedScore(reversed[key] as DecayedScore, 20 * day)).toBeCloseTo(
        decayedScore(inOrder[key] as DecayedScore, 20 * day),
        9,
      );
  });
});
