import { currencyExponent, type CurrencyCode } from './currency.js';

/** An amount of money in integer minor units of an ISO 4217 currency (`{ amount: 1999, currency: 'GBP' }` is £19.99). */
export interface Money {
  readonly amount: number;
  readonly currency: CurrencyCode;
}

/**
 * The largest amount Attune accepts, in minor units: well inside `Number.MAX_SAFE_INTEGER`, so sums of
 * many amounts stay exact integers.
 */
export const MAX_AMOUNT = 100_000_000_000_000;

/** True when `amount` is a whole, non-negative number of minor units no larger than {@link MAX_AMOUNT}. */
export function isValidAmount(amount: number): boolean {
  return Number.isSafeInteger(amount) && amount >= 0 && amount <= MAX_AMOUNT;
}

/**
 * Converts a decimal amount in major units, as the Segment spec writes money (`18.99`), into integer minor
 * units of `currency`, rounding half-even at the currency's exponent.
 *
 * Works on the number's shortest decimal representation rather than on binary arithmetic, so
 * `0.1 + 0.2` (0.30000000000000004) GBP is 30 pence and `18.99` is 1899, never 1898.
 * Returns `undefined` for non-finite or negative input, or a result above {@link MAX_AMOUNT}.
 */
export function majorToMinorUnits(major: number, currency: CurrencyCode): number | undefined {
  if (!Number.isFinite(major) || major < 0) return undefined;
  const minor = roundDecimalHalfEven(major, currencyExponent(currency));
  return isValidAmount(minor) ? minor : undefined;
}

/**
 * Integer division rounded half-even: `divideHalfEven(5, 2)` is 2, `divideHalfEven(7, 2)` is 4.
 * For non-negative integers; used wherever an amount is split or averaged.
 */
export function divideHalfEven(numerator: number, denominator: number): number {
  const quotient = Math.floor(numerator / denominator);
  const twiceRemainder = 2 * (numerator - quotient * denominator);
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2 === 1))
    return quotient + 1;
  return quotient;
}

/** Formats minor units as a plain decimal in major units (`1899` GBP → `"18.99"`), for messages. */
export function formatMajorUnits(money: Money): string {
  const exponent = currencyExponent(money.currency);
  if (exponent === 0) return String(money.amount);
  const digits = String(Math.abs(money.amount)).padStart(exponent + 1, '0');
  const sign = money.amount < 0 ? '-' : '';
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** Multiplies a non-negative finite number by 10^exponent and rounds half-even, using decimal digits. */
function roundDecimalHalfEven(value: number, exponent: number): number {
  const { digits, pointIndex } = decimalDigits(value);
  const shiftedPoint = pointIndex + exponent;
  const whole = shiftedPoint <= 0 ? '0' : digits.slice(0, shiftedPoint).padEnd(shiftedPoint, '0');
  const rest = shiftedPoint >= digits.length ? '' : digits.slice(Math.max(shiftedPoint, 0));
  const restPadded = shiftedPoint < 0 ? '0'.repeat(-shiftedPoint) + rest : rest;
  let result = Number(whole);
  const firstDropped = restPadded.charCodeAt(0) - 48;
  if (restPadded.length > 0 && firstDropped >= 5) {
    const exactlyHalf = firstDropped === 5 && /^0*$/.test(restPadded.slice(1));
    if (!exactlyHalf || result % 2 === 1) result += 1;
  }
  return result;
}

/** The significant digits of a number's shortest round-trip form, and where its decimal point sits. */
function decimalDigits(value: number): { digits: string; pointIndex: number } {
  const [mantissa = '0', exponentPart] = value.toExponential().split('e');
  const digits = mantissa.replace('.', '');
  return { digits, pointIndex: 1 + Number(exponentPart ?? 0) };
}
