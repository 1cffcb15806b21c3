import jStat from 'jstat';

/**
 * Beyond this many degrees of freedom the Student t is the normal distribution to within 2.4e-6 in its
 * 97.5 % quantile, and jstat's t quantile loses precision (near 1e9 it is off in the third decimal).
 */
const NORMAL_BEYOND_DOF = 1e6;

/** Two-sided p-value of a t statistic: P(|T| ≥ |t|) for T ~ Student t with `dof` degrees of freedom. */
export function twoSidedPValue(t: number, dof: number): number {
  const lowerTail =
    dof > NORMAL_BEYOND_DOF ? jStat.normal.cdf(-Math.abs(t), 0, 1) : jStat.studentt.cdf(-Math.abs(t), dof);
  // The lower tail is computed directly (not as 1 − cdf) so that tiny p-values keep their digits.
  return Math.min(1, Math.max(0, 2 * lowerTail));
}

/** The `p` quantile of the Student t with `dof` degrees of freedom (the normal beyond 1e6 of them). */
export function tQuantile(p: number, dof: number): number {
  return dof > NORMAL_BEYOND_DOF ? jStat.normal.inv(p, 0, 1) : jStat.studentt.inv(p, dof);
}

/** P(X ≥ x) for X ~ χ² with `df` degrees of freedom. */
export function chiSquareSurvival(x: number, df: number): number {
  return Math.min(1, Math.max(0, 1 - jStat.chisquare.cdf(x, df)));
}
