/**
 * Stable bucketing: FNV-1a (32 bit) over a seed and a unit id, the way GrowthBook's SDKs bucket
 * (hash the seed with the id, hash the decimal of that again so similar ids spread out, keep four
 * decimal places). Pure integer arithmetic on UTF-16 code units: every node, every runtime, gives
 * the same number for the same input.
 */
import { fnv1a32 } from '../shared/index.js';

export { fnv1a32 };

/**
 * Where a unit falls in [0, 1) for a seed, in steps of 1/10,000. The same seed and id always give
 * the same point; different seeds give independent points, so two experiments do not split alike.
 */
export function bucketOf(seed: string, unitId: string): number {
  return (fnv1a32(String(fnv1a32(`${seed}:${unitId}`))) % 10_000) / 10_000;
}
