/**
 * Splits `total` minor units over parts in proportion to `weights`, so the parts sum exactly to
 * `total` (largest remainder: each part gets its floor, the leftover units go to the largest
 * remainders, ties to the earlier part). No part exceeds its weight; `total` above the sum of the
 * weights is cut to that sum. Exact integer arithmetic throughout.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const amount = Math.min(total, sum);
  if (amount <= 0 || sum === 0) return weights.map(() => 0);
  const small = amount * sum <= Number.MAX_SAFE_INTEGER;
  const shares = weights.map((weight, index) => {
    if (small) {
      const product = weight * amount;
      return { index, floor: Math.floor(product / sum), remainder: product % sum };
    }
    const product = BigInt(weight) * BigInt(amount);
    return { index, floor: Number(product / BigInt(sum)), remainder: Number(product % BigInt(sum)) };
  });
  const parts = shares.map((share) => share.floor);
  let left = amount - parts.reduce((acc, part) => acc + part, 0);
  const order = [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left === 0) break;
    if ((parts[index] as number) < (weights[index] as number)) {
      parts[index] = (parts[index] as number) + 1;
      left -= 1;
    }
  }
  return parts;
}
