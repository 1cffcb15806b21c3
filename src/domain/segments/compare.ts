import type { Operator, Threshold } from './rule.js';

/**
 * Compares a customer's value with a rule's value. Strings compare case-insensitively (countries,
 * devices and emails are written every which way); a number and a numeric string compare as
 * numbers; ISO dates compare as strings. A missing value satisfies only `neq`, `nin` and
 * `exists: false`.
 */
export function compare(actual: unknown, op: Operator, expected: unknown): boolean {
  if (op === 'exists') return (actual !== undefined && actual !== null) === (expected ?? true);
  if (actual === undefined || actual === null) return op === 'neq' || op === 'nin';
  switch (op) {
    case 'eq':
      return equals(actual, expected);
    case 'neq':
      return !equals(actual, expected);
    case 'in':
      return Array.isArray(expected) && expected.some((candidate) => equals(actual, candidate));
    case 'nin':
      return Array.isArray(expected) && !expected.some((candidate) => equals(actual, candidate));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return ordered(actual, op, expected);
    case 'contains':
      if (Array.isArray(actual)) return actual.some((item) => equals(item, expected));
      return (
        typeof actual === 'string' &&
        typeof expected === 'string' &&
        actual.toLowerCase().includes(expected.toLowerCase())
      );
    case 'startsWith':
      return (
        typeof actual === 'string' &&
        typeof expected === 'string' &&
        actual.toLowerCase().startsWith(expected.toLowerCase())
      );
  }
}

/**
 * Whether a value meets every bound of `threshold`, its bounds read once: a rule tests its
 * threshold for every customer it is evaluated for, and thresholds come in several shapes (a sum's
 * names its property) that made reading absent bounds off the object the costly part.
 */
export function thresholdTest(threshold: Threshold): (value: number) => boolean {
  const { eq, gt, gte, lt, lte } = threshold;
  return (value) =>
    (eq === undefined || value === eq) &&
    (gt === undefined || value > gt) &&
    (gte === undefined || value >= gte) &&
    (lt === undefined || value < lt) &&
    (lte === undefined || value <= lte);
}

export function equals(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'string' && typeof expected === 'string')
    return actual.toLowerCase() === expected.toLowerCase();
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== undefined && b !== undefined && (typeof actual === 'number' || typeof expected === 'number'))
    return a === b;
  return actual === expected;
}

function ordered(actual: unknown, op: 'gt' | 'gte' | 'lt' | 'lte', expected: unknown): boolean {
  const a = asNumber(actual);
  const b = asNumber(expected);
  let order: number;
  if (a !== undefined && b !== undefined) order = a - b;
  else if (typeof actual === 'string' && typeof expected === 'string')
    order = actual < expected ? -1 : actual > expected ? 1 : 0;
  else return false;
  return op === 'gt' ? order > 0 : op === 'gte' ? order >= 0 : op === 'lt' ? order < 0 : order <= 0;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}
