/** Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand is not mistaken. */
export const COUPON_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters of randomness in a generated code: 12 × 5 bits = 60 bits, far beyond guessing. */
const RANDOM_CHARACTERS = 12;

/**
 * A code from 8 random bytes (the caller brings them, from a cryptographic source): an optional
 * prefix, then 12 characters of the alphabet, 5 bits each (`SPRING-7KQ2M9X4D1RT`).
 */
export function generateCouponCode(random: Uint8Array, prefix?: string): string {
  if (random.length < 8) throw new RangeError('a coupon code needs 8 random bytes');
  let bits = 0n;
  for (let index = 0; index < 8; index += 1) bits = (bits << 8n) | BigInt(random[index] as number);
  let code = '';
  for (let index = 0; index < RANDOM_CHARACTERS; index += 1) {
    code += COUPON_CODE_ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return prefix === undefined || prefix === '' ? code : `${prefix.toUpperCase()}-${code}`;
}
