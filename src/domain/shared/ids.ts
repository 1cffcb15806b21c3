/** Client-chosen ids (products, segments, price lists, ...): 1–128 characters of `A–Z a–z 0–9 . _ : -`. */
export const ID_PATTERN = '^[A-Za-z0-9._:\\-]{1,128}$';

const idRegex = new RegExp(ID_PATTERN);

/** True when `value` is a valid client-chosen id. */
export function isValidId(value: string): boolean {
  return idRegex.test(value);
}
