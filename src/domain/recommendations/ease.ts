import type { EaseCounts, EaseTrainingSet } from './ease-training-set.js';

/**
 * EASE (Steck, 2019): an item-item model with a closed form. With X the customer × item matrix of
 * what was bought, G = XᵀX + λI and P = G⁻¹, the weights are B = −P / diag(P) with a zero diagonal.
 * A customer's scores are the sum of the rows of B for what they bought. Dense, so it is kept to
 * the most active items; training is O(n³) and runs in a worker thread (see app/recommendations).
 */
export interface EaseWeights {
  /** The items, in matrix order. */
  readonly items: readonly string[];
  /** n × n, row-major: row i is what item i says about every item. */
  readonly weights: Float32Array;
}

/** Trains EASE from customers' item sets (indexes into `items`), or from the counts they add up to. */
export function trainEase(set: EaseTrainingSet, lambda: number): EaseWeights {
  const { items } = set;
  const n = items.length;
  const gram = 'rows' in set ? gramOfRows(set.rows, n) : gramOfCounts(set.counts, n);
  for (let i = 0; i < n; i += 1) gram[i * n + i] = (gram[i * n + i] as number) + lambda;
  const inverse = invertSymmetricPositiveDefinite(gram, n);
  const weights = new Float32Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) {
      if (i !== j) weights[i * n + j] = -(inverse[i * n + j] as number) / (inverse[j * n + j] as number);
    }
  }
  return { items, weights };
}

/** XᵀX from each customer's items: whole counts, so the sum is exact in any order. */
function gramOfRows(rows: readonly Int32Array[], n: number): Float64Array {
  const gram = new Float64Array(n * n);
  for (const row of rows) {
    for (const a of row) {
      const offset = a * n;
      for (const b of row) gram[offset + b] = (gram[offset + b] as number) + 1;
    }
  }
  return gram;
}

/** XᵀX from the counts the rows add up to: the same matrix as {@link gramOfRows}. */
function gramOfCounts({ buyers, pairs }: EaseCounts, n: number): Float64Array {
  const gram = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) gram[i * n + i] = buyers[i] as number;
  for (const chunk of pairs) {
    for (let k = 0; k + 2 < chunk.length; k += 3) {
      const i = chunk[k] as number;
      const j = chunk[k + 1] as number;
      const count = chunk[k + 2] as number;
      gram[i * n + j] = count;
      gram[j * n + i] = count;
    }
  }
  return gram;
}

/**
 * The inverse of a symmetric positive definite matrix (row-major, overwritten), by Cholesky:
 * A = LLᵀ, then A⁻¹ = L⁻ᵀL⁻¹. Every inner loop runs along rows, so memory is read in order.
 */
export function invertSymmetricPositiveDefinite(a: Float64Array, n: number): Float64Array {
  // 1. L in the lower triangle of a.
  for (let j = 0; j < n; j += 1) {
    const rowJ = j * n;
    let diagonal = a[rowJ + j] as number;
    for (let k = 0; k < j; k += 1) diagonal -= (a[rowJ + k] as number) ** 2;
    if (!(diagonal > 0)) throw new RangeError('the matrix is not positive definite');
    const root = Math.sqrt(diagonal);
    a[rowJ + j] = root;
    for (let i = j + 1; i < n; i += 1) {
      const rowI = i * n;
      let sum = a[rowI + j] as number;
      for (let k = 0; k < j; k += 1) sum -= (a[rowI + k] as number) * (a[rowJ + k] as number);
      a[rowI + j] = sum / root;
    }
  }
  // 2. M = L⁻¹, kept transposed (t[j][k] = M[k][j]) so the sums below run along rows.
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    const rowI = i * n;
    const pivot = a[rowI + i] as number;
    t[i * n + i] = 1 / pivot;
    for (let j = 0; j < i; j += 1) {
      const rowJ = j * n;
      let sum = 0;
      for (let k = j; k < i; k += 1) sum += (a[rowI + k] as number) * (t[rowJ + k] as number);
      t[rowJ + i] = -sum / pivot;
    }
  }
  // 3. A⁻¹ = MᵀM: entry (i, j) is the dot product of columns i and j of M, rows i and j of t.
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    const rowI = i * n;
    for (let j = 0; j <= i; j += 1) {
      const rowJ = j * n;
      let sum = 0;
      for (let k = i; k < n; k += 1) sum += (t[rowI + k] as number) * (t[rowJ + k] as number);
      inverse[rowI + j] = sum;
      inverse[rowJ + i] = sum;
    }
  }
  return inverse;
}

/** Evidence matched to the model's rows once, so scoring and reasons do no lookups per item. */
export interface ResolvedEvidence {
  readonly sources: readonly string[];
  readonly rows: Int32Array;
  readonly weights: Float64Array;
}

/** A trained EASE model, ready to score. */
export class EaseModel {
  readonly index: ReadonlyMap<string, number>;
  readonly size: number;

  constructor(readonly trained: EaseWeights) {
    this.index = new Map(trained.items.map((item, position) => [item, position]));
    this.size = trained.items.length;
  }

  /** The evidence the model knows (item → weight), as rows; items outside it and zero weights drop. */
  resolve(evidence: Iterable<readonly [string, number]>): ResolvedEvidence {
    const sources: string[] = [];
    const rows: number[] = [];
    const weights: number[] = [];
    for (const [item, weight] of evidence) {
      const row = this.index.get(item);
      if (row === undefined || weight === 0) continue;
      sources.push(item);
      rows.push(row);
      weights.push(weight);
    }
    return { sources, rows: Int32Array.from(rows), weights: Float64Array.from(weights) };
  }

  /** Which piece of evidence says most for `item` (for the reason "because you bought …"). */
  strongestEvidence(
    item: string,
    evidence: Iterable<readonly [string, number]> | ResolvedEvidence,
  ): string | undefined {
    const column = this.index.get(item);
    if (column === undefined) return undefined;
    const { sources, rows, weights } = 'rows' in evidence ? evidence : this.resolve(evidence);
    const matrix = this.trained.weights;
    let best = -1;
    let bestWeight = 0;
    for (let k = 0; k < rows.length; k += 1) {
      const contribution =
        (weights[k] as number) * (matrix[(rows[k] as number) * this.size + column] as number);
      if (contribution > bestWeight) {
        bestWeight = contribution;
        best = k;
      }
    }
    return best === -1 ? undefined : sources[best];
  }

  /** Scores for every item from weighted evidence (item → weight); items outside the model add nothing. */
  score(evidence: Iterable<readonly [string, number]> | ResolvedEvidence): Float64Array {
    const { rows, weights } = 'rows' in evidence ? evidence : this.resolve(evidence);
    const n = this.size;
    const scores = new Float64Array(n);
    const matrix = this.trained.weights;
    // Four rows per pass: the scores are read and written a quarter as often (the time is memory).
    let k = 0;
    for (; k + 4 <= rows.length; k += 4) {
      const w0 = weights[k] as number;
      const w1 = weights[k + 1] as number;
      const w2 = weights[k + 2] as number;
      const w3 = weights[k + 3] as number;
      const r0 = (rows[k] as number) * n;
      const r1 = (rows[k + 1] as number) * n;
      const r2 = (rows[k + 2] as number) * n;
      const r3 = (rows[k + 3] as number) * n;
      for (let j = 0; j < n; j += 1)
        scores[j] =
          (scores[j] as number) +
          w0 * (matrix[r0 + j] as number) +
          w1 * (matrix[r1 + j] as number) +
          w2 * (matrix[r2 + j] as number) +
          w3 * (matrix[r3 + j] as number);
    }
    for (; k < rows.length; k += 1) {
      const weight = weights[k] as number;
      const offset = (rows[k] as number) * n;
      for (let j = 0; j < n; j += 1)
        scores[j] = (scores[j] as number) + weight * (matrix[offset + j] as number);
    }
    return scores;
  }
}
