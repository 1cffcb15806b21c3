import { tQuantile, twoSidedPValue } from './distributions.js';
import type { Moments } from './moments.js';

/** A treatment's relative difference from the control, with its 95 % interval and two-sided p-value. */
export interface RelativeEffect {
  /** (treatment − control) / control: 0.12 is +12 %. */
  readonly uplift: number;
  readonly ci95: readonly [number, number];
  readonly pValue: number;
  /** Variance of the `uplift` estimate (not per unit); CUPED's variance reduction compares these. */
  readonly variance: number;
}

/** What {@link relativeEffect} needs: the estimate, its variance and Welch's degrees of freedom. */
export interface EffectEstimate {
  readonly uplift: number;
  readonly variance: number;
  readonly dof: number;
}

const ALPHA = 0.05;

/**
 * Welch–Satterthwaite degrees of freedom for two means with per-unit variances `a.variance`, `b.variance`.
 * `undefined` when either arm has ≤ 1 unit or both variances are 0.
 */
export function welchDof(a: Moments, b: Moments): number | undefined {
  if (a.n <= 1 || b.n <= 1) return undefined;
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const denominator = (va * va) / (a.n - 1) + (vb * vb) / (b.n - 1);
  if (!(denominator > 0)) return undefined;
  return (va + vb) ** 2 / denominator;
}

/**
 * The relative difference of two means, (μ_b − μ_a)/μ_a, by the delta method on the ratio of two
 * independent means, as GrowthBook's frequentist engine does:
 * var = var_b/(n_b·μ_a²) + var_a·μ_b²/(n_a·μ_a⁴). `undefined` when the control mean is 0, a variance
 * is missing or the arms are too small (see {@link inferRelativeEffect}).
 */
export function relativeDifference(control: Moments, treatment: Moments): EffectEstimate | undefined {
  const dof = welchDof(control, treatment);
  if (dof === undefined || control.mean === 0) return undefined;
  const ma = control.mean;
  const mb = treatment.mean;
  const variance =
    treatment.variance / (treatment.n * ma * ma) + (control.variance * mb * mb) / (control.n * ma ** 4);
  return { uplift: (mb - ma) / ma, variance, dof };
}

/**
 * A two-sided Student t inference on an estimate: CI = uplift ± t(0.975, dof)·√variance, p-value
 * P(|T| ≥ |uplift/√variance|). `undefined` rather than NaN or Infinity when any input is not finite or
 * the variance is not positive.
 */
export function inferRelativeEffect(estimate: EffectEstimate | undefined): RelativeEffect | undefined {
  if (estimate === undefined) return undefined;
  const { uplift, variance, dof } = estimate;
  if (!Number.isFinite(uplift) || !Number.isFinite(variance) || !(variance > 0) || !(dof > 0))
    return undefined;
  const standardError = Math.sqrt(variance);
  const halfWidth = tQuantile(1 - ALPHA / 2, dof) * standardError;
  const pValue = twoSidedPValue(uplift / standardError, dof);
  if (!Number.isFinite(halfWidth) || !Number.isFinite(pValue)) return undefined;
  return { uplift, ci95: [uplift - halfWidth, uplift + halfWidth], pValue, variance };
}
