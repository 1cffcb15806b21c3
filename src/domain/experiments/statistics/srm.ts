import { chiSquareSurvival } from './distributions.js';

/** Sample-ratio mismatch: whether units split across variants as their weights say they should. */
export interface SampleRatioCheck {
  readonly pValue: number;
  /** p < {@link SRM_THRESHOLD}: the assignment or the exposure logging is probably broken. */
  readonly flagged: boolean;
}

/** The p-value below which a split is flagged (GrowthBook's and Optimizely's default). */
export const SRM_THRESHOLD = 0.001;

/**
 * Pearson's chi-square goodness-of-fit of observed units against the configured weights, with k − 1
 * degrees of freedom (k = number of variants), as GrowthBook's `check_srm`: expected_i = N·w_i/Σw;
 * variants of weight ≤ 0 add nothing to the statistic. With no units, or fewer than two variants, there
 * is nothing to test: p = 1, not flagged.
 */
export function sampleRatioMismatch(units: readonly number[], weights: readonly number[]): SampleRatioCheck {
  const total = units.reduce((sum, n) => sum + n, 0);
  const totalWeight = weights.reduce((sum, w) => sum + (w > 0 ? w : 0), 0);
  if (units.length < 2 || total <= 0 || totalWeight <= 0) return { pValue: 1, flagged: false };
  let statistic = 0;
  units.forEach((observed, index) => {
    const weight = weights[index] ?? 0;
    if (weight <= 0) return;
    const expected = (weight / totalWeight) * total;
    statistic += (observed - expected) ** 2 / expected;
  });
  const pValue = chiSquareSurvival(statistic, units.length - 1);
  return { pValue, flagged: pValue < SRM_THRESHOLD };
}
