/**
 * The few functions of `jstat` (which ships no types) that Attune calls: the Student t, normal and
 * chi-square distributions used by the experiment statistics. The package is CommonJS: its
 * `module.exports` is the `jStat` object, which Node hands to an ES module as its default import — hence
 * `export default` here rather than `export =` (which would need allowSyntheticDefaultImports).
 */
declare module 'jstat' {
  interface ContinuousDistribution {
    cdf(x: number, ...parameters: number[]): number;
    inv(p: number, ...parameters: number[]): number;
  }
  const jStat: {
    readonly studentt: ContinuousDistribution;
    readonly normal: ContinuousDistribution;
    readonly chisquare: ContinuousDistribution;
  };
  export default jStat;
}
