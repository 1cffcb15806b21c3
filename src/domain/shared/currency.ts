import { data as iso4217 } from 'currency-codes';

/** An ISO 4217 alphabetic code such as `GBP`, checked by {@link isCurrencyCode}. */
export type CurrencyCode = string;

// Precious metals, bond units and the testing / "no currency" codes are not money a shop charges in.
const exponents: ReadonlyMap<CurrencyCode, number> = new Map(
  iso4217
    .filter((entry) => !entry.countries.some((country) => country.startsWith('Zz')))
    .map((entry) => [entry.code, entry.digits]),
);

/** True when `code` is an active ISO 4217 currency a shop can charge in. Case-sensitive: `gbp` is not. */
export function isCurrencyCode(code: string): code is CurrencyCode {
  return exponents.has(code);
}

/**
 * The ISO 4217 exponent (minor-unit digits) of a currency: 2 for GBP, 0 for JPY, 3 for KWD.
 * @throws RangeError for a code that {@link isCurrencyCode} rejects: callers validate first.
 */
export function currencyExponent(code: CurrencyCode): number {
  const exponent = exponents.get(code);
  if (exponent === undefined) throw new RangeError(`not an ISO 4217 currency: ${code}`);
  return exponent;
}

/** Every supported currency code, sorted. */
export function currencyCodesList(): readonly CurrencyCode[] {
  return [...exponents.keys()].sort();
}
