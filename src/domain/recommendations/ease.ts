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

/** Trains EASE from customers' item sets (indexes into `items`). */
export function trainEase(
  items: readonly string[],
  rows: readonly Int32Array[],
  lambda: number,
): EaseWeights {
  const n = items.length;
  const gram = new Float64Array(n * n);
  for (const row of rows) {
    for (const a of row) {
      const offset = a * n;
      for (const b of row) gram[offset + b] = (gram[offset + b] as number) + 1;
    }
  }
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

/** A trained EASE model, ready to score. */
export class EaseModel {
  readonly index: ReadonlyMap<string, number>;
  readonly size: number;

  constructor(readonly trained: EaseWeights) {
    this.index = new Map(trained.items.map((item, position) => [item, position]));
    this.size = trained.items.length;
  }

  /** Which piece of evidence says most for `item` (for the reason "because you bought …"). */
  strongestEvidence(item: string, evidence: Iterable<readonly [string, number]>): string | undefined {
    const column = this.index.get(item);
    if (column === undefined) return undefined;
    let best: string | undefined;
    let bestWeight = 0;
    for (const [source, weight] of evidence) {
      const row = this.index.get(source);
      if (row === undefined) continue;
      const contribution = weight * (this.trained.weights[row * this.size + column] as number);
      if (contribution > bestWeight) {
        bestWeight = contribution;
        best = source;
      }
    }
    return best;
  }

  /** Scores for every item from weighted evidence (item → weight); items outside the model add nothing. */
  score(evidence: Iterable<readonly [string, number]>): Float64Array {
    const n = this.size;
    const scores = new Float64Array(n);
    const { weights } = this.trained;
    for (const [item, weight] of evidence) {
      const row = this.index.get(item);
      if (row === undefined || weight === 0) continue;
      const offset = row * n;
      for (let j = 0; j < n; j += 1)
        scores[j] = (scores[j] as number) + weight * (weights[offset + j] as number);
    }
    return scores;
  }
}
