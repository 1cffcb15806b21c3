import { divideHalfEven } from './money.js';

const fractions = new Map<number, { numerator: bigint; denominator: bigint }>();

/** A decimal percentage (12.5) as the exact fraction of 100 it is (125 / 1000); the few percentages in use are remembered. */
function fractionOf(percent: number): { numerator: bigint; denominator: bigint } {
  let fraction = fractions.get(percent);
  if (fraction === undefined) {
    fraction = readFraction(percent);
    if (fractions.size < 10_000) fractions.set(percent, fraction);
  }
  return fraction;
}

function readFraction(percent: number): { numerator: bigint; denominator: bigint } {
  const [mantissa = '0', exponentText = '0'] = percent.toExponential().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const exponent = Number(exponentText) - fraction.length;
  const digits = BigInt(`${whole}${fraction}`);
  return exponent >= 0
    ? { numerator: digits * 10n ** BigInt(exponent), denominator: 100n }
    : { numerator: digits, denominator: 100n * 10n ** BigInt(-exponent) };
}

/**
 * `percent` % of `amount` minor units, rounded half-even (12.5 % of 999 is 125, not 124.875).
 * Exact for any decimal percentage; `amount` is a non-negative integer.
 */
export function percentOf(amount: number, percent: number): number {
  if (Number.isInteger(percent) && amount * percent <= Number.MAX_SAFE_INTEGER)
    return divideHalfEven(amount * percent, 100);
  const { numerator, denominator } = fractionOf(percent);
  const product = BigInt(amount) * numerator;
  const quotient = product / denominator;
  const twiceRemainder = 2n * (product - quotient * denominator);
  const roundUp = twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n);
  return Number(roundUp ? quotient + 1n : quotient);
}

/** `amount` less `percent` %, the discount rounded half-even. */
export function lessPercent(amount: number, percent: number): number {
  return amount - percentOf(amount, percent);
}

/** `percent` % of `amount`, rounded up: for floors such as a minimum margin, which must never fall short. */
export function percentOfRoundedUp(amount: number, percent: number): number {
  if (Number.isInteger(percent) && amount * percent <= Number.MAX_SAFE_INTEGER)
    return Math.ceil((amount * percent) / 100);
  const { numerator, denominator } = fractionOf(percent);
  const product = BigInt(amount) * numerator;
  return Number((product + denominator - 1n) / denominator);
}
