/**
 * Per-unit moments of one metric in one variant, from sufficient statistics (sums, sums of squares and
 * cross products). Variances are per unit; the variance of a mean is `variance / n`. The conventions are
 * GrowthBook's gbstats (`SampleMeanStatistic`, `ProportionStatistic`, `RatioStatistic`): a 0/1 outcome has
 * the plug-in variance p(1 − p), any other outcome the unbiased sample variance.
 */
export interface Moments {
  /** Units. */
  readonly n: number;
  readonly mean: number;
  /** Per-unit variance (≥ 0; 0 when n ≤ 1). */
  readonly variance: number;
}

/** A unit-level outcome's sum, sum of squares, and whether it is a 0/1 outcome. */
export interface Sums {
  readonly n: number;
  readonly sum: number;
  readonly squares: number;
  readonly isProportion: boolean;
}

export function meanOf(s: Sums): number {
  return s.n > 0 ? s.sum / s.n : 0;
}

/**
 * Per-unit variance: p(1 − p) for a proportion, else (Σx² − (Σx)²/n)/(n − 1). Not clamped: inside a
 * delta-method formula a component is used as it is (as gbstats does); the moments that leave this file
 * are clamped at 0, where rounding can leave a tiny negative number for a true variance of 0.
 */
export function varianceOf(s: Sums): number {
  if (s.n <= 1) return 0;
  const mean = s.sum / s.n;
  return s.isProportion ? mean * (1 - mean) : (s.squares - (s.sum * s.sum) / s.n) / (s.n - 1);
}

/**
 * Covariance of two unit-level outcomes from their sums and Σxy, in the unbiased form
 * (Σxy − Σx·Σy/n)/(n − 1), for 0/1 outcomes too (as the gbstats release whose CUPED cases
 * cases/relative-effects.json reproduces; later releases use the plug-in form when both are 0/1).
 */
export function covarianceOf(a: Sums, b: Sums, products: number): number {
  const n = a.n;
  if (n <= 1) return 0;
  return (products - (a.sum * b.sum) / n) / (n - 1);
}

export function sampleMoments(s: Sums): Moments {
  const mean = meanOf(s);
  return { n: s.n, mean, variance: withoutRoundingNoise(varianceOf(s), mean) };
}

/**
 * A variance that is 0 but for floating-point cancellation (Σx² − (Σx)²/n when every x is equal) comes
 * out as ±1e-17·mean² or so; anything below 1e-12·mean² is taken as the 0 it is, so that such an arm is
 * recognised as degenerate whatever the unit of money.
 */
export function withoutRoundingNoise(variance: number, mean: number): number {
  return variance > 1e-12 * mean * mean ? variance : 0;
}

/**
 * Moments of a ratio metric Σm / Σd with units as the randomisation unit (revenue per order, clicks per
 * impression): the mean is Σm/Σd and the per-unit variance comes from the delta method,
 * var(m)/d̄² − 2·cov(m,d)·m̄/d̄³ + m̄²·var(d)/d̄⁴ (Deng, Knoblich & Lu 2018). `undefined` when Σd = 0.
 */
export function ratioMoments(numerator: Sums, denominator: Sums, products: number): Moments | undefined {
  if (denominator.sum === 0 || numerator.n <= 1) return undefined;
  const m = meanOf(numerator);
  const d = meanOf(denominator);
  const variance =
    varianceOf(numerator) / d ** 2 -
    (2 * covarianceOf(numerator, denominator, products) * m) / d ** 3 +
    (m ** 2 * varianceOf(denominator)) / d ** 4;
  const mean = numerator.sum / denominator.sum;
  return { n: numerator.n, mean, variance: withoutRoundingNoise(variance, mean) };
}
