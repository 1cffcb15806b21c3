/**
 * One field of an audience (price lists, promotions): no wanted values means anyone; otherwise the
 * actual value must be among them, and the match is noted as a reason (`country gb`).
 */
export function matchAudienceField(
  wanted: ReadonlySet<string> | undefined,
  actual: string | undefined,
  label: string,
  reasons: string[],
): boolean {
  if (wanted === undefined) return true;
  if (actual === undefined || !wanted.has(actual)) return false;
  reasons.push(`${label} ${actual}`);
  return true;
}
