import {
  covarianceOf,
  meanOf,
  varianceOf,
  withoutRoundingNoise,
  type Moments,
  type Sums,
} from './moments.js';
import { relativeDifference, type EffectEstimate } from './relative-effect.js';

/** One arm's outcome and covariate (pre-exposure revenue) sums, with Σ outcome × covariate. */
export interface CupedArm {
  readonly post: Sums;
  readonly pre: Sums;
  readonly products: number;
}

/**
 * θ = cov(Y, X) / var(X) over both arms pooled (gbstats `compute_theta`): one θ for the comparison, so
 * that the adjustment cannot itself create a difference. 0 when either pooled variance is 0.
 */
export function cupedTheta(a: CupedArm, b: CupedArm): number {
  const n = a.post.n + b.post.n;
  const pool = (x: Sums, y: Sums): Sums => ({
    n,
    sum: x.sum + y.sum,
    squares: x.squares + y.squares,
    isProportion: x.isProportion,
  });
  const post = pool(a.post, b.post);
  const pre = pool(a.pre, b.pre);
  const preVariance = varianceOf(pre);
  if (!(preVariance > 0) || !(varianceOf(post) > 0)) return 0;
  return covarianceOf(post, pre, a.products + b.products) / preVariance;
}

/** An arm's CUPED-adjusted moments: mean Ȳ − θX̄, per-unit variance var(Y) + θ²var(X) − 2θcov(Y, X). */
export function adjustedMoments(arm: CupedArm, theta: number): Moments {
  const covariance = covarianceOf(arm.post, arm.pre, arm.products);
  const variance = varianceOf(arm.post) + theta ** 2 * varianceOf(arm.pre) - 2 * theta * covariance;
  return {
    n: arm.post.n,
    mean: meanOf(arm.post) - theta * meanOf(arm.pre),
    variance: withoutRoundingNoise(variance, meanOf(arm.post)),
  };
}

/**
 * The CUPED relative effect (Deng, Xu, Kohavi & Walker 2013) as gbstats' `analyze_metric_df` computes
 * it: the difference of adjusted means over the control's *unadjusted* mean Ȳ_a, with the delta-method
 * variance of a ratio of independent means, v_b/(n_b·Ȳ_a²) + v_a·Ȳ_b²/(n_a·Ȳ_a⁴), where v are the adjusted
 * per-unit variances and Ȳ the unadjusted means; Welch's degrees of freedom on the adjusted variances.
 * This is the form whose published case (cases/relative-effects.json) it reproduces; newer gbstats
 * releases refine the control's term (`frequentist_variance_relative_cuped`), which moves that case's
 * p-value in the fourth significant digit. `undefined` when the control mean is 0.
 */
export function cupedRelativeDifference(control: CupedArm, treatment: CupedArm): EffectEstimate | undefined {
  const theta = cupedTheta(control, treatment);
  const a = adjustedMoments(control, theta);
  const b = adjustedMoments(treatment, theta);
  const estimate = relativeDifference(
    { n: a.n, mean: meanOf(control.post), variance: a.variance },
    { n: b.n, mean: meanOf(treatment.post), variance: b.variance },
  );
  const ya = meanOf(control.post);
  if (estimate === undefined || ya === 0) return undefined;
  return { ...estimate, uplift: (b.mean - a.mean) / ya };
}
