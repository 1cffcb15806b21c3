/**
 * What no store keeps as text: NUL (PostgreSQL's text refuses it outright) and a UTF-16 surrogate
 * without its pair (no UTF-8 form exists; drivers silently turn it into U+FFFD, so two different
 * ids would become one). Matched per UTF-16 unit, hence no `u` flag.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when every store can keep `text` as sent: no NUL, no unpaired surrogate. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** Where a value no store keeps as sent sits, and what it is: such text, or a number JSON cannot write. */
export interface Unstorable {
  readonly pointer: string;
  readonly kind: 'text' | 'number';
}

/**
 * The first part of `value` no store keeps as sent: a string (a value or an object key, at any
 * depth) that {@link isStorableText} refuses, or a number that is infinite or NaN (`1e309` parses
 * as Infinity, which JSON writes as null). Its JSON pointer is under `base`; undefined when all is
 * storable. Walks with its own stack, so however deep the value nests it cannot overflow.
 */
export function findUnstorable(value: unknown, base = ''): Unstorable | undefined {
  // Nearly every value is storable: look without naming where first, and name the part only then.
  return allStorable(value) ? undefined : locateUnstorable(value, base);
}

/** Whether every string, key and number in `value` is storable: no pointers made, no garbage per part. */
function allStorable(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current === 'string') {
      if (!isStorableText(current)) return false;
    } else if (typeof current === 'number') {
      if (!Number.isFinite(current)) return false;
    } else if (Array.isArray(current)) {
      for (const item of current) pending.push(item);
    } else if (typeof current === 'object' && current !== null) {
      for (const key of Object.keys(current)) {
        if (!isStorableText(key)) return false;
        pending.push((current as Record<string, unknown>)[key]);
      }
    }
  }
  return true;
}

/** The first unstorable part in document order: an object's key before its value, keys in order. */
function locateUnstorable(value: unknown, base: string): Unstorable | undefined {
  /** A part to look at, its pointer, and whether it is an object's key rather than a value. */
  const pending: [unknown, string, boolean][] = [[value, base, false]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, pointer, isKey] = next;
    if (isKey) {
      if (!isStorableText(current as string)) return { pointer, kind: 'text' };
    } else if (typeof current === 'string') {
      if (!isStorableText(current)) return { pointer, kind: 'text' };
    } else if (typeof current === 'number') {
      if (!Number.isFinite(current)) return { pointer, kind: 'number' };
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1)
        pending.push([current[index], `${pointer}/${index}`, false]);
    } else if (typeof current === 'object' && current !== null) {
      const keys = Object.keys(current);
      for (let index = keys.length - 1; index >= 0; index -= 1) {
        const key = keys[index] as string;
        const at = `${pointer}/${escapePointer(key)}`;
        pending.push([(current as Record<string, unknown>)[key], at, false], [key, at, true]);
      }
    }
  }
  return undefined;
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
